import type { EntityManager } from 'typeorm';
import { EventEntity } from './event.entity';

/*
 * The concurrency rules of an event, in one place. Every transaction that reads an event to act
 * on it, or changes its places, goes through one of these; no other library writes `events`.
 *
 * Row locks on an event, weakest first, and what each one waits for:
 *
 * - shareForPlanning: FOR KEY SHARE. Registering, answering an invitation, cancelling a place,
 *   arranging an access need. These plan messages at the event's current sequence, so they must
 *   not cross a change of the event: FOR KEY SHARE waits for a change in progress (FOR UPDATE)
 *   and makes a change wait for them. So a message planned during a reschedule is planned at the
 *   new sequence, and a reschedule that starts afterwards sees (and re-plans) it. They do not
 *   wait for each other, nor for the place-taking UPDATEs below (FOR NO KEY UPDATE).
 * - shareForInviting: FOR SHARE. A staff invitation to a list (up to 10,000 people in one
 *   transaction). Ordered against a change like the above; it also holds back place-taking
 *   while it runs (FOR SHARE conflicts with the UPDATEs below). FOR KEY SHARE would be enough
 *   to order it against a change; it is kept as it was chosen until that is decided on purpose.
 * - takePlace / takePlaces / releasePlace: one UPDATE each, so FOR NO KEY UPDATE on the row until
 *   commit. Concurrent registrations queue on the row one UPDATE at a time, never read-then-write,
 *   and the CHECK (places_taken <= capacity) is the backstop if a bug ever tried to overbook.
 * - lockForChange: FOR UPDATE. Publishing, rescheduling, cancelling, changing capacity. Waits for
 *   every holder of the locks above and makes them all wait; after it, the venue row is locked
 *   (VenuesRepository.lockForBooking) to check for clashes: event, then venue, always.
 *
 * Order within a transaction, so that no two can deadlock:
 * - a person's own registration row (their manage link) may be locked before the event is shared;
 * - the waiting list is locked FOR UPDATE SKIP LOCKED (it never waits) before places are taken
 *   for the people on it, whether a place was given up or a change raised the capacity;
 * - an access task is locked after its event is shared, the order in which a change of the event
 *   (which moves or cancels the event's tasks) takes them;
 * - a change of the event never waits for a registration row: it reads the people it tells.
 */

/** The event for a change of its time, place, status or capacity (FOR UPDATE); null if none. */
export function lockForChange(manager: EntityManager, eventId: string): Promise<EventEntity | null> {
  return manager
    .getRepository(EventEntity)
    .findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
}

/**
 * The event to plan one person's messages or tasks against (FOR KEY SHARE): ordered against a
 * change of the event, not against other people doing the same. Null if there is no such event.
 */
export function shareForPlanning(manager: EntityManager, eventId: string): Promise<EventEntity | null> {
  return manager
    .getRepository(EventEntity)
    .findOne({ where: { id: eventId }, lock: { mode: 'for_key_share' } });
}

/**
 * The event to invite a list to (FOR SHARE): a reschedule or cancellation waits for the invitation
 * and then tells the people it invited, and places are not taken while it runs.
 */
export function shareForInviting(manager: EntityManager, eventId: string): Promise<EventEntity | null> {
  return manager
    .getRepository(EventEntity)
    .findOne({ where: { id: eventId }, lock: { mode: 'pessimistic_read' } });
}

/** Takes one place if one is free, in a single statement. True when a place was taken. */
export async function takePlace(manager: EntityManager, eventId: string): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(EventEntity)
    .set({ placesTaken: () => 'places_taken + 1' })
    .where('id = :eventId AND (capacity IS NULL OR places_taken < capacity)', { eventId })
    .execute();
  return (result.affected ?? 0) === 1;
}

/**
 * Takes up to `wanted` places, as many as are free, in a single statement; returns how many it
 * took. The CTE locks the row first, so the number taken is computed from the row as it is once
 * any concurrent booking has committed, and the UPDATE adds exactly that number.
 */
export async function takePlaces(manager: EntityManager, eventId: string, wanted: number): Promise<number> {
  if (wanted <= 0) return 0;
  // TypeORM answers a raw UPDATE with [rows, affected].
  const [rows]: [Array<{ taken: number }>, number] = await manager.query(
    `WITH free AS (
       SELECT id, LEAST($2::int, COALESCE(capacity - places_taken, $2::int)) AS taken
         FROM events WHERE id = $1 FOR NO KEY UPDATE
     )
     UPDATE events SET places_taken = events.places_taken + free.taken, updated_at = CURRENT_TIMESTAMP
       FROM free
      WHERE events.id = free.id AND free.taken > 0
     RETURNING free.taken`,
    [eventId, wanted],
  );
  return rows[0]?.taken ?? 0;
}

/** Gives one place back (never below zero). */
export async function releasePlace(manager: EntityManager, eventId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(EventEntity)
    .set({ placesTaken: () => 'GREATEST(places_taken - 1, 0)' })
    .where('id = :eventId', { eventId })
    .execute();
}
