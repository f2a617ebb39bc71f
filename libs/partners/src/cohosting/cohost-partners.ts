import { assertNoProblems, InvalidInput } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';
import { partnerNotApproved, unknownPartner } from '../errors';
import { Partner } from '../partners/partner.entity';

/**
 * The partner a co-host change names, or bad input: one that does not exist, or is not approved
 * (pending or rejected organisations are never named on an event).
 */
export async function approvedPartnerOrFail(manager: EntityManager, partnerId: string): Promise<Partner> {
  const partner = await manager.getRepository(Partner).findOneBy({ id: partnerId });
  if (!partner) throw new InvalidInput([unknownPartner(partnerId)]);
  assertNoProblems(partner.status === 'approved' ? [] : [partnerNotApproved(partner)]);
  return partner;
}

/** Adds the co-host row; false when the partner already co-hosted (nothing changed). */
export async function insertCohost(
  manager: EntityManager,
  eventId: string,
  partnerId: string,
  addedById: string | null,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO event_cohosts (event_id, partner_id, added_by_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [eventId, partnerId, addedById],
  );
  return rows.length > 0;
}
