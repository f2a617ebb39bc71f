import { entityColumnsSql, entityFromRow } from '@roundtable/platform';
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
 * - takePlace / takePlaces / releasePlace: one UPDATE each (takePlacesForParties: a locking read,
 *   then one; takePlaceSql: takePlace's UPDATE inside the caller's own statement), so FOR NO KEY
 *   UPDATE on the row until commit. Concurrent registrations queue on the row one UPDATE at a
 *   time, never read-then-write, and the CHECK (places_taken <= capacity) is the backstop if a
 *   bug ever tried to overbook. lockForPromotion takes the same lock with a read, for a
 *   transaction whose first act on the event is to give its free places to the people waiting.
 * - book_registration (a database function, see its migration): a new public registration in one
 *   statement run in autocommit. It takes shareForPlanning's lock, then the address's row and
 *   lock, then takePlaceSql's UPDATE, in the order the transaction it replaces took them, and
 *   holds them until that one statement ends. It acts on the event as readForBooking read it,
 *   unlocked and perhaps requests ago, only if the locked row still has that row's fingerprint.
 * - lockForChange: FOR UPDATE. Publishing, rescheduling, cancelling, changing capacity. Waits for
 *   every holder of the locks above and makes them all wait; after it, the venue row is locked
 *   (VenuesRepository.lockForBooking) to check for clashes: event, then venue, always.
 *
 * Order within a transaction, so that no two can deadlock:
 * - a person's own registration row (their manage link) may be locked before the event is shared;
 * - the waiting list is locked FOR UPDATE SKIP LOCKED (it never waits) once the event's row is
 *   held against other promotions (FOR NO KEY UPDATE or FOR UPDATE: a place given up, a capacity
 *   raised, lockForPromotion), and before places are taken for the people on it. Read before that,
 *   two promotions could each lock part of the line and the one holding the later people could
 *   take the places first;
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
  return readLocked(manager, eventId, 'FOR KEY SHARE');
}

/**
 * The event whose free places are about to go to the people waiting (FOR NO KEY UPDATE, as a
 * place-taking UPDATE holds it), taken before the waiting list is read: promotions then run one
 * at a time, each reading the whole line as the one before it left it. Null if there is no such
 * event.
 */
export function lockForPromotion(manager: EntityManager, eventId: string): Promise<EventEntity | null> {
  return readLocked(manager, eventId, 'FOR NO KEY UPDATE');
}

async function readLocked(
  manager: EntityManager,
  eventId: string,
  lock: 'FOR KEY SHARE' | 'FOR NO KEY UPDATE',
): Promise<EventEntity | null> {
  // Plain SQL: every booking reads its event this way, and TypeORM's findOne spent more CPU
  // building the query and hydrating the row than the database spent on it.
  const rows: Array<Record<string, unknown>> = await manager.query(eventRowSql(manager, '$1', lock), [
    eventId,
  ]);
  return rows[0] ? entityFromRow<EventEntity>(manager.connection.getMetadata(EventEntity), rows[0]) : null;
}

/**
 * shareForPlanning as SQL, for a caller that reads more in the same statement (a public
 * registration reads the address's registration with it): the event's row FOR KEY SHARE, its
 * columns named as entityColumnsSql names them (read it back with entityFromRow). The caller
 * names the parameter holding the event's id.
 */
export function shareForPlanningSql(manager: EntityManager, eventId: string): string {
  return eventRowSql(manager, eventId, 'FOR KEY SHARE');
}

/** The event's row as entityFromRow reads it back, with `lock` and any `extra` columns. */
function eventRowSql(manager: EntityManager, eventId: string, lock: string, extra?: string): string {
  return `SELECT ${entityColumnsSql(manager.connection.getMetadata(EventEntity))}${extra ? `, ${extra}` : ''}
            FROM events WHERE id = ${eventId}::uuid ${lock}`;
}

/** An event as readForBooking read it, with the fingerprint book_registration checks it by. */
export interface EventForBooking {
  event: EventEntity;
  fingerprint: string;
}

/**
 * The event a public registration plans its messages against before book_registration books it
 * (no lock: the function locks the row and books only if it still has this fingerprint, so an
 * event changed since, by anyone, is read again). Null if there is no such event.
 */
export async function readForBooking(
  manager: EntityManager,
  eventId: string,
): Promise<EventForBooking | null> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    eventRowSql(manager, '$1', '', 'event_booking_fingerprint(events) AS "bookingFingerprint"'),
    [eventId],
  );
  if (!rows[0]) return null;
  return {
    event: entityFromRow<EventEntity>(manager.connection.getMetadata(EventEntity), rows[0])!,
    fingerprint: rows[0].bookingFingerprint as string,
  };
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

/**
 * Takes `places` places (one person and their companions) if that many are free, in a single
 * statement: all of them or none. True when they were taken; taking none always succeeds.
 */
export async function takePlace(manager: EntityManager, eventId: string, places = 1): Promise<boolean> {
  if (places <= 0) return true;
  const result = await manager
    .createQueryBuilder()
    .update(EventEntity)
    .set({ placesTaken: () => 'places_taken + :places' })
    .where('id = :eventId AND (capacity IS NULL OR places_taken + :places <= capacity)', { eventId, places })
    .execute();
  return (result.affected ?? 0) === 1;
}

/**
 * takePlace as SQL, for a caller that folds the taking of places and its own write into one
 * statement (`WITH taken AS (...)`): then the event's row is locked for the rest of that one
 * statement and the commit, not across round trips. It takes the places all or none, only when
 * that many are free, and returns the event's id when it took them. The caller names the
 * statement's parameters holding the event's id and the number of places (more than 0: taking
 * none needs no statement, as takePlace says), and may add a condition of its own (`onlyIf`, SQL
 * of the same statement): when it is false no place is taken and the row is not locked.
 */
export function takePlaceSql(params: { eventId: string; places: string; onlyIf?: string }): string {
  const { eventId, places, onlyIf } = params;
  return `UPDATE events SET places_taken = places_taken + ${places}::int, updated_at = CURRENT_TIMESTAMP
           WHERE id = ${eventId}::uuid AND (capacity IS NULL OR places_taken + ${places}::int <= capacity)
             ${onlyIf ? `AND (${onlyIf})` : ''}
       RETURNING id`;
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

/** Gives `places` places back (never below zero). */
export async function releasePlace(manager: EntityManager, eventId: string, places = 1): Promise<void> {
  if (places <= 0) return;
  await manager
    .createQueryBuilder()
    .update(EventEntity)
    .set({ placesTaken: () => 'GREATEST(places_taken - :places, 0)' })
    .where('id = :eventId', { eventId, places })
    .execute();
}

/**
 * Places for parties waiting in line (sizes in their order): locks the event row FOR NO KEY
 * UPDATE, so the free places are read as they are once any concurrent booking has committed, then
 * gives places to every party that fits, in order, and takes them in one UPDATE. A party too big
 * for what is free is passed over, not waited for: the smaller parties behind it go in (first in,
 * first out, with a skip), and it keeps its place at the head of the line for the next places
 * freed. Returns the indexes of the parties given places.
 */
export async function takePlacesForParties(
  manager: EntityManager,
  eventId: string,
  sizes: readonly number[],
): Promise<number[]> {
  if (sizes.length === 0) return [];
  const rows: Array<{ free: number | null }> = await manager.query(
    `SELECT capacity - places_taken AS free FROM events WHERE id = $1 FOR NO KEY UPDATE`,
    [eventId],
  );
  if (rows.length === 0) return [];
  let free = rows[0].free === null ? Number.POSITIVE_INFINITY : Number(rows[0].free);
  const chosen: number[] = [];
  let taken = 0;
  sizes.forEach((size, index) => {
    if (size <= free) {
      chosen.push(index);
      free -= size;
      taken += size;
    }
  });
  if (taken > 0) {
    await manager.query(
      `UPDATE events SET places_taken = places_taken + $2, updated_at = CURRENT_TIMESTAMP WHERE id = $1`,
      [eventId, taken],
    );
  }
  return chosen;
}
