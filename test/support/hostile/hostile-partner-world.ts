import { PasswordLinkKeys } from '@roundtable/identity';
import { validateEnv } from '@roundtable/platform';
import { randomBytes, randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The partner onboarding rows one hostile request may aim at. */
export interface HostilePartnerWorld {
  /** A partner organisation waiting for a decision (approve and reject take it once). */
  pendingPartnerId: string;
  /** An approved partner, for a new partner user. */
  approvedPartnerId: string;
  /** An active partner user of the approved partner, for deactivation. */
  partnerUserId: string;
  /** An unused, unexpired set-password link of that user. */
  passwordLinkToken: string;
  /** A charity number no row uses yet (England and Wales, 7 digits), for a new registration. */
  uniqueCharityNumber: string;
}

/** Seeds the rows above, as the onboarding services write them (the link derived from LINK_KEYS). */
export async function seedHostilePartnerWorld(dataSource: DataSource): Promise<HostilePartnerWorld> {
  const tag = randomBytes(5).toString('hex');
  const insertPartner = async (status: 'pending' | 'approved'): Promise<string> => {
    const [{ id }] = await dataSource.query(
      `INSERT INTO partners (name, contact_name, contact_email, description, areas, status, decided_at)
       VALUES ($1, 'Pat Okafor', $2, 'Supports carers of children with SEND', '{halesowen-north}', $3,
               CASE WHEN $3 = 'approved' THEN now() END)
       RETURNING id`,
      [`Hostile Carers ${status} ${tag}`, `hostile-${status}-${tag}@partner.example`, status],
    );
    return id;
  };
  const pendingPartnerId = await insertPartner('pending');
  const approvedPartnerId = await insertPartner('approved');
  const [{ id: partnerUserId }] = await dataSource.query(
    `INSERT INTO users (email, name, role, partner_id) VALUES ($1, 'Sam Member', 'partner', $2) RETURNING id`,
    [`hostile-member-${tag}@partner.example`, approvedPartnerId],
  );
  const links = new PasswordLinkKeys(validateEnv(process.env).LINK_KEYS);
  const seed = links.newSeed();
  await dataSource.query(
    `INSERT INTO password_links (user_id, purpose, nonce, key_id, token_hash, expires_at)
     VALUES ($1, 'welcome', $2, $3, $4, now() + interval '3 days')`,
    [partnerUserId, seed.nonce, seed.keyId, seed.tokenHash],
  );
  return {
    pendingPartnerId,
    approvedPartnerId,
    partnerUserId,
    passwordLinkToken: links.tokenFor(seed),
    uniqueCharityNumber: String(randomInt(1_000_000, 9_999_999)),
  };
}
