import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new public registration in one statement run in autocommit (`SELECT ... FROM
 * book_registration(...)`): one round trip to Postgres where a transaction of START, a read, the
 * booking and COMMIT took four, and each round trip's socket writes were most of the api's CPU.
 *
 * The function takes the locks the transaction took, in the same order (event-locks.ts): the
 * event's row FOR KEY SHARE, the address's registration for it FOR UPDATE, the address's advisory
 * lock; then the event's row FOR NO KEY UPDATE when it takes the places, the new row, its ledger
 * rows. Every lock is held until the statement's own transaction ends, with the function.
 * PL/pgSQL runs each statement with a snapshot of its own, so the 24-hour count, made after the
 * address's lock was granted, sees every registration of the address committed before it (a
 * single statement's snapshot, taken before it waited for the lock, would not). The address's lock
 * is the one addressLockSql takes: its first key's text is an argument (ADDRESS_LOCK_NAMESPACE),
 * not written here, so the function and the transactions cannot take different locks. What else
 * this repeats of RegistrationsRepository.book (the count, the INSERT, the ledger rows) is held to
 * it by booking-paths.int-spec.ts, which books the same people both ways and compares the rows.
 *
 * The caller planned the messages of both outcomes from the event as it read it before (possibly
 * a copy kept from an earlier request): `event_booking_fingerprint` of that row must be the
 * locked row's, or nothing is written and the answer is 'moved'. Places taken and the time of the
 * last update are left out of it: every booking changes them, and no message depends on them.
 * It is computed in UTC, so that two sessions with different time zones agree on it.
 *
 * Verdicts: 'booked' (the row and its ledger rows written), 'limited' (the address has had its
 * public registrations for the day: nothing written), and, nothing written, for the caller to
 * answer through its transaction: 'no-event', 'moved' (the event is not as the caller read it),
 * 'registered' (the address has a registration for the event already).
 */
export class BookRegistration1796170000000 implements MigrationInterface {
  name = 'BookRegistration1796170000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "event_booking_fingerprint"(event "events") RETURNS text
      LANGUAGE sql STABLE SET "TimeZone" = 'UTC' AS $$
        SELECT md5((to_jsonb(event) - 'places_taken' - 'updated_at')::text)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION "book_registration"(
        p_event_id uuid,
        p_fingerprint text,
        p_email text,
        p_public_limit integer,
        p_lock_namespace text,
        p_places integer,
        p_confirmed_at timestamptz,
        p_row jsonb,
        p_if_confirmed jsonb,
        p_if_waitlisted jsonb,
        p_position_key text
      ) RETURNS TABLE (verdict text, booked "registrations", planned json)
      LANGUAGE plpgsql VOLATILE AS $$
      #variable_conflict use_column
      DECLARE
        v_fingerprint text;
        v_placed boolean;
        v_row "registrations";
        v_new "registrations";
        v_position integer;
        v_planned json;
      BEGIN
        SELECT "event_booking_fingerprint"(e) INTO v_fingerprint
          FROM events e WHERE e.id = p_event_id FOR KEY SHARE;
        IF NOT FOUND THEN
          verdict := 'no-event'; RETURN NEXT; RETURN;
        END IF;
        IF v_fingerprint IS DISTINCT FROM p_fingerprint THEN
          verdict := 'moved'; RETURN NEXT; RETURN;
        END IF;
        PERFORM 1 FROM registrations r WHERE r.event_id = p_event_id AND r.email = p_email FOR UPDATE;
        IF FOUND THEN
          verdict := 'registered'; RETURN NEXT; RETURN;
        END IF;
        IF p_public_limit IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(hashtext(p_lock_namespace), hashtext(p_email));
          IF (SELECT count(*) FROM registrations r
               WHERE r.email = p_email AND r.invited_at IS NULL AND r.registered_by_user_id IS NULL
                 AND r.created_at > now() - interval '24 hours') >= p_public_limit THEN
            verdict := 'limited'; RETURN NEXT; RETURN;
          END IF;
        END IF;
        -- The places all or none, only if that many are free (takePlaceSql's UPDATE); a party
        -- that takes none touches no event row.
        IF p_places > 0 THEN
          UPDATE events SET places_taken = places_taken + p_places, updated_at = CURRENT_TIMESTAMP
           WHERE id = p_event_id AND (capacity IS NULL OR places_taken + p_places <= capacity);
          v_placed := FOUND;
        ELSE
          v_placed := true;
        END IF;
        v_new := jsonb_populate_record(NULL::"registrations", p_row);
        INSERT INTO registrations
          (id, event_id, email, name, role, attendance, companions, phone, access_needs, access_notes,
           manage_token_hash, link_nonce, link_key_id, registered_by_user_id, registered_via,
           status, confirmed_at)
        VALUES (v_new.id, p_event_id, p_email, v_new.name, v_new.role, v_new.attendance, v_new.companions,
                v_new.phone, v_new.access_needs, v_new.access_notes, v_new.manage_token_hash,
                v_new.link_nonce, v_new.link_key_id, NULL, NULL,
                CASE WHEN v_placed THEN 'confirmed' ELSE 'waitlisted' END,
                CASE WHEN v_placed THEN p_confirmed_at END)
        RETURNING * INTO v_row;
        IF NOT v_placed THEN
          -- Those waiting before this one (waitlistPosition's count), plus one.
          SELECT count(*)::int + 1 INTO v_position FROM registrations r
           WHERE r.event_id = p_event_id AND r.status = 'waitlisted' AND r.queue_position < v_row.queue_position;
        END IF;
        -- The outcome's rows, as NotificationLedger.insertSql writes them.
        WITH written AS (
          INSERT INTO notifications
            (kind, subject_type, subject_id, event_id, event_sequence, registration_id, recipient_email,
             send_at, idempotency_key, payload, request_id)
          SELECT x.kind, x.subject_type, x.subject_id, x.event_id, x.event_sequence, x.registration_id,
                 x.recipient_email, x.send_at, x.idempotency_key,
                 CASE WHEN v_placed THEN x.payload
                      ELSE x.payload || jsonb_build_object(p_position_key, v_position) END,
                 x.request_id
            FROM jsonb_to_recordset(CASE WHEN v_placed THEN p_if_confirmed ELSE p_if_waitlisted END)
              AS x(kind text, subject_type text, subject_id uuid, event_id uuid, event_sequence integer,
                   registration_id uuid, recipient_email text, send_at timestamptz, idempotency_key text,
                   payload jsonb, request_id text)
          ON CONFLICT DO NOTHING
          RETURNING id, send_at
        )
        SELECT json_agg(json_build_object('id', w.id, 'send_at', w.send_at)) INTO v_planned FROM written w;
        verdict := 'booked';
        booked := v_row;
        planned := v_planned;
        RETURN NEXT;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION "book_registration"(uuid, text, text, integer, text, integer, timestamptz, jsonb, jsonb, jsonb, text)`,
    );
    await queryRunner.query(`DROP FUNCTION "event_booking_fingerprint"("events")`);
  }
}
