import request from 'supertest';
import { bearer, withClockAt } from './fixtures';
import type { TestApi } from './test-app';

let partners = 0;

/** Every approvedPartner user's password, for tests that sign one in again. */
export const PARTNER_PASSWORD = 'a-partner-password-1';

export interface SignedInPartner {
  partnerId: string;
  userId: string;
  email: string;
  token: string;
}

/**
 * An approved partner organisation with one signed-in user. The organisation row is written
 * directly (the registration and approval journey has its own tests); the user is made through
 * the API as an organiser and then moved to the partner, so its password and session are real.
 */
export async function approvedPartner(api: TestApi, name?: string): Promise<SignedInPartner> {
  partners += 1;
  const tag = `${process.pid}-${partners}`;
  const [{ id: partnerId }] = await api.dataSource.query(
    `INSERT INTO partners (name, contact_name, contact_email, description, areas, status, decided_at)
     VALUES ($1, 'Pat Partner', $2, 'Supports carers of children with SEND', '{Halesowen}', 'approved', now())
     RETURNING id`,
    [name ?? `Partner Charity ${tag}`, `contact-${tag}@partner.test`],
  );
  const partner = { email: `partner-${tag}@roundtable.test`, password: PARTNER_PASSWORD };
  await withClockAt(api, api.clock.now(), (admin) =>
    request(api.http)
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...partner, name: 'Pat Partner', role: 'organiser' })
      .expect(201),
  );
  await api.dataSource.query("UPDATE users SET role = 'partner', partner_id = $2 WHERE email = $1", [
    partner.email,
    partnerId,
  ]);
  const [{ id: userId }] = await api.dataSource.query('SELECT id FROM users WHERE email = $1', [
    partner.email,
  ]);
  const login = await request(api.http).post('/api/v1/auth/login').send(partner).expect(200);
  return { partnerId, userId, email: partner.email, token: login.body.token as string };
}

/** A signed-in partner user's token, for 403 checks on staff routes. */
export async function partnerToken(api: TestApi): Promise<string> {
  return (await approvedPartner(api)).token;
}
