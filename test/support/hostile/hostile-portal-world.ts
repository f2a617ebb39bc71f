import { hashSecretToken, newSecretToken } from '@roundtable/platform';
import type { DataSource } from 'typeorm';
import { seedEvent, seedRegistration } from '../notification-seed';

/**
 * The partner portal's rows for one hostile world (see HostileWorld). The portal's routes act for
 * the suite's own partner user (hostile-api.ts), so its organisation is the one that co-hosts
 * here: an event of the world's own (not the world's main event, which that partner must be free
 * to ask to co-host), with one attendee who consented to it, and a live calendar feed.
 */
export interface HostilePortalWorld {
  /** A published event the suite's partner co-hosts. */
  partnerEventId: string;
  /** The suite's partner organisation. */
  portalPartnerId: string;
  /** The manage-link token of an attendee of partnerEventId who consented to that partner. */
  portalManageToken: string;
  /** The token of the partner's live calendar feed (GET /partner-feeds/{token}.ics). */
  calendarFeedToken: string;
}

/** The name hostile-api.ts gives the suite's partner organisation (approvedPartner). */
export const HOSTILE_SUITE_PARTNER = 'Hostile Suite Partner';

export async function seedPortalWorld(dataSource: DataSource): Promise<HostilePortalWorld> {
  const portalPartnerId = await suitePartner(dataSource);
  const event = await seedEvent(dataSource, { title: 'Co-hosted: post-16 places' });
  // One co-hosted event at a time, this world's, so the partner's feed holds exactly one event
  // (the suite counts a feed's events to catch an injected one).
  await dataSource.query('DELETE FROM event_cohosts WHERE partner_id = $1', [portalPartnerId]);
  await dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
    event.id,
    portalPartnerId,
  ]);
  const { registration, manageToken } = await seedRegistration(dataSource, event, 'confirmed', {
    role: 'parent_carer',
    accessNeeds: ['step_free'],
  });
  await dataSource.query(
    'INSERT INTO partner_contact_consents (registration_id, partner_id) VALUES ($1, $2)',
    [registration.id, portalPartnerId],
  );
  const calendarFeedToken = newSecretToken('rtf');
  // One live feed a partner: this world's replaces the last world's, as a new feed would.
  await dataSource.query(
    'UPDATE partner_calendar_feeds SET revoked_at = now() WHERE partner_id = $1 AND revoked_at IS NULL',
    [portalPartnerId],
  );
  await dataSource.query('INSERT INTO partner_calendar_feeds (partner_id, token_hash) VALUES ($1, $2)', [
    portalPartnerId,
    hashSecretToken(calendarFeedToken),
  ]);
  return { partnerEventId: event.id, portalPartnerId, portalManageToken: manageToken, calendarFeedToken };
}

/**
 * Where a portal route's path parameter comes from: the co-hosted event for the partner's own
 * event routes, the feed token for the feed (whose segment is `{token}.ics`, not `{token}`).
 */
export function portalPathParamSource(template: string, name: string): keyof HostilePortalWorld | undefined {
  if (name === 'id' && /^\/api\/v1\/partner\/events\/(\{id\}|:id)(\/|$)/.test(template))
    return 'partnerEventId';
  if (name === 'id' && /^\/partner\/events\/(\{id\}|:id)(\/|$)/.test(template)) return 'partnerEventId';
  if (name === 'token' && /^\/partner-feeds\/(\{token\}|:token)\.ics$/.test(template))
    return 'calendarFeedToken';
  return undefined;
}

/** The suite's partner organisation; made here if the suite has none (then its routes 403). */
async function suitePartner(dataSource: DataSource): Promise<string> {
  const rows: Array<{ id: string }> = await dataSource.query(
    'SELECT id FROM partners WHERE name = $1 ORDER BY created_at LIMIT 1',
    [HOSTILE_SUITE_PARTNER],
  );
  if (rows[0]) return rows[0].id;
  const [{ id }] = await dataSource.query(
    `INSERT INTO partners (name, contact_name, contact_email, description, status, decided_at)
     VALUES ($1, 'Pat Partner', 'hostile-suite-partner@partner.test', 'Supports carers', 'approved', now())
     RETURNING id`,
    [HOSTILE_SUITE_PARTNER],
  );
  return id;
}
