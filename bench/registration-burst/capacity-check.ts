import type { BenchDatabase } from '../support/database';

export interface CapacityCheck {
  capacity: number;
  placesTaken: number;
  confirmed: number;
  waitlisted: number;
  pass: boolean;
}

/**
 * No overbooking: the counter never passed the capacity, and exactly `capacity` people hold a
 * confirmed place once more people than places have asked.
 */
export async function checkCapacity(database: BenchDatabase, eventId: string): Promise<CapacityCheck> {
  const [event] = await database.query<{ capacity: number; places_taken: number }>(
    'SELECT capacity, places_taken FROM events WHERE id = $1',
    [eventId],
  );
  const rows = await database.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM registrations WHERE event_id = $1 GROUP BY status',
    [eventId],
  );
  const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
  const confirmed = count('confirmed');
  return {
    capacity: event.capacity,
    placesTaken: event.places_taken,
    confirmed,
    waitlisted: count('waitlisted'),
    pass:
      event.places_taken <= event.capacity &&
      confirmed === event.capacity &&
      confirmed === event.places_taken,
  };
}
