import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The co-hosting rows one hostile world needs (see HostileWorld). */
export interface HostileCohostWorld {
  /** An approved partner that does not co-host the world's event, for POST …/cohosts (a partner of its own: onboarding's approvedPartnerId has users the suite deactivates). */
  candidatePartnerId: string;
  /** An approved partner that co-hosts the world's event, for DELETE …/cohosts. */
  cohostPartnerId: string;
  /** A pending request to co-host the world's event (from a third partner), to accept or decline. */
  cohostRequestId: string;
}

/**
 * Partners of the world's own, so an accepted add, remove, accept or decline never meets another
 * world's rows. The suite's partner user (hostile-api.ts) is none of them: the world's published
 * event is one it neither co-hosts nor has asked about, so its request to co-host is accepted.
 */
export async function seedCohostWorld(dataSource: DataSource, eventId: string): Promise<HostileCohostWorld> {
  const [candidatePartnerId, cohostPartnerId, askingPartnerId] = await Promise.all(
    ['Added', 'Cohosting', 'Asking'].map((role) => seedPartner(dataSource, role)),
  );
  await dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
    eventId,
    cohostPartnerId,
  ]);
  const [{ id: cohostRequestId }] = await dataSource.query(
    `INSERT INTO cohost_requests (event_id, partner_id, message) VALUES ($1, $2, 'We would like to co-host.')
     RETURNING id`,
    [eventId, askingPartnerId],
  );
  return { candidatePartnerId: candidatePartnerId!, cohostPartnerId: cohostPartnerId!, cohostRequestId };
}

async function seedPartner(dataSource: DataSource, role: string): Promise<string> {
  const tag = randomBytes(5).toString('hex');
  const [{ id }] = await dataSource.query(
    `INSERT INTO partners (name, contact_name, contact_email, description, status, decided_at)
     VALUES ($1, 'Pat Partner', $2, 'Supports carers', 'approved', now()) RETURNING id`,
    [`Hostile ${role} Charity ${tag}`, `hostile-partner-${tag}@partner.test`],
  );
  return id;
}
