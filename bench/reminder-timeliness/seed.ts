import type { BenchDatabase } from '../support/database';

export interface SeededEvent {
  eventId: string;
  sequence: number;
  registrations: Array<{ id: string; email: string }>;
}

/**
 * A published event ten days ahead and `count` confirmed registrations, straight in SQL: the
 * benchmark is about sending, not registering, so this part should take a second, not minutes.
 */
export async function seedConfirmedRegistrations(
  database: BenchDatabase,
  count: number,
): Promise<SeededEvent> {
  const [venue] = await database.query<{ id: string }>(
    `INSERT INTO venues (name, address, postcode, area, capacity, access_features)
     VALUES ('Bench Hall', 'Queensway, Halesowen', 'B63 4AZ', 'halesowen-north', $1, '{step_free_access,hearing_loop}')
     RETURNING id`,
    [count],
  );
  const [event] = await database.query<{ id: string; sequence: number }>(
    `INSERT INTO events (title, kind, description, starts_at, ends_at, venue_id, capacity, status, published_at, places_taken)
     VALUES ('Waiting for an EHC plan: a listening event', 'listening_event',
             'Tell us what the wait has been like for your family.',
             date_trunc('hour', now()) + interval '10 days', date_trunc('hour', now()) + interval '10 days 2 hours',
             $1, $2, 'published', now(), $2)
     RETURNING id, sequence`,
    [venue.id, count],
  );
  const registrations = await database.query<{ id: string; email: string }>(
    // A link seed under the run's key (LINK_KEYS' id "bench", see support/environment.ts), so the
    // worker derives each reminder's link as for a real registration rather than seeding the row
    // first. The hash is a placeholder: nobody follows these links.
    `INSERT INTO registrations
       (event_id, email, name, role, status, manage_token_hash, link_nonce, link_key_id, confirmed_at)
     SELECT $1, 'reminded.' || n || '@example.org', 'Reminded Carer ' || n, 'parent_carer', 'confirmed',
            encode(sha256(gen_random_uuid()::text::bytea), 'hex'), gen_random_uuid()::text, 'bench', now()
     FROM generate_series(1, $2) AS n
     RETURNING id, email`,
    [event.id, count],
  );
  return { eventId: event.id, sequence: event.sequence, registrations };
}
