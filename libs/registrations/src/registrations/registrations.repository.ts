import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EventEntity, shareForPlanningSql, takePlaceSql } from '@roundtable/events';
import type { PlannedRecord, PlannedRow } from '@roundtable/notifications';
import { entityColumnsSql, entityFromRow, isUndefinedFunction, SqlParams } from '@roundtable/platform';
import { EntityManager, Repository } from 'typeorm';
import { ADDRESS_LOCK_NAMESPACE, addressLockSql } from '../manage-links/address-lock';
import { Registration } from './registration.entity';

/**
 * A waiting person's place in line, as SQL: those waiting for the event who arrived before them,
 * plus one. The caller names the event's id and the person's arrival (queue_position) in its
 * statement. Counted from the statement's snapshot: bookings at the same instant may not see each
 * other, and can be told the same number.
 */
function placeInLineSql(eventId: string, queuePosition: string): string {
  return `(SELECT count(*)::int + 1 FROM registrations
            WHERE event_id = ${eventId} AND status = 'waitlisted' AND queue_position < ${queuePosition})`;
}

/** The prefix of the person's columns in eventAndPerson's row (they share names with the event's). */
const PERSON = 'person.';

export type EventAudienceMember = Pick<Registration, 'id' | 'email' | 'status' | 'calendarRevision'>;

/** What a new registration is made with; the rest are the columns' defaults. */
export type NewRegistration = Pick<
  Registration,
  | 'eventId'
  | 'email'
  | 'name'
  | 'role'
  | 'attendance'
  | 'companions'
  | 'phone'
  | 'accessNeeds'
  | 'accessNotes'
  | 'manageTokenHash'
  | 'linkNonce'
  | 'linkKeyId'
> &
  Partial<Pick<Registration, 'registeredByUserId' | 'registeredVia'>>;

/** What book_registration is given of a new registration: the public's, so no staff columns. */
type FunctionValues = Omit<NewRegistration, 'registeredByUserId' | 'registeredVia'> &
  Pick<Registration, 'id'>;

/** A property's name as its column's: accessNeeds, access_needs. */
type ColumnName<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnName<Tail>}`
  : S;

/**
 * The SQL of registrations: the waiting list, audiences and links. The places they take are the
 * events library's (takePlace and the rest, in event-locks.ts).
 */
/** An event's registrations at a glance, as the staff events list shows them. */
export interface EventGlance {
  placesTaken: number;
  waiting: number;
  openAccessNeeds: number;
}

@Injectable()
export class RegistrationsRepository {
  constructor(@InjectRepository(Registration) private readonly registrations: Repository<Registration>) {}

  /** A registration's columns as its properties, for the hot paths' plain SQL (entityColumnsSql). */
  private columns(): string {
    return entityColumnsSql(this.registrations.metadata);
  }

  /**
   * The address's registration for an event, locked FOR UPDATE, as SQL: its columns named with
   * `prefix` (entityColumnsSql); the caller names the event's id and the address in its statement.
   */
  private personSql(prefix: string, eventId: string, email: string): string {
    return `SELECT ${entityColumnsSql(this.registrations.metadata, prefix)} FROM registrations
             WHERE event_id = ${eventId} AND email = ${email} FOR UPDATE`;
  }

  /** A row read with columns() as the entity (entityFromRow: the driver has typed each value). */
  private fromRow(row: Record<string, unknown>): Registration {
    return entityFromRow<Registration>(this.registrations.metadata, row)!;
  }

  /**
   * The `limit` longest-waiting people (everyone waiting when null), longest first, locked; rows
   * another transaction holds (someone promoting, or the person changing their own) are skipped,
   * so this never waits.
   */
  longestWaiting(manager: EntityManager, eventId: string, limit: number | null): Promise<Registration[]> {
    const query = manager
      .getRepository(Registration)
      .createQueryBuilder('registration')
      .where("registration.eventId = :eventId AND registration.status = 'waitlisted'", { eventId })
      .orderBy('registration.queuePosition', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked');
    if (limit !== null) query.limit(limit);
    return query.getMany();
  }

  /** Gives these (locked) registrations their places, in one statement however many there are. */
  async confirm(manager: EntityManager, ids: readonly string[], confirmedAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager
      .createQueryBuilder()
      .update(Registration)
      .set({ status: 'confirmed', confirmedAt })
      .where('id IN (:...ids)', { ids })
      .execute();
  }

  /** 1 for the first in line. */
  async waitlistPosition(
    registration: Pick<Registration, 'eventId' | 'queuePosition'>,
    manager?: EntityManager,
  ): Promise<number> {
    // Inside a transaction, use its connection: borrowing a second one from the pool while
    // holding the first can exhaust the pool under load and deadlock. Plain SQL: every public
    // registration that finds the event full asks it.
    const [{ position }]: Array<{ position: number }> = await (manager ?? this.registrations.manager).query(
      `SELECT ${placeInLineSql('$1::uuid', '$2')} AS position`,
      [registration.eventId, registration.queuePosition],
    );
    return position;
  }

  /**
   * Everyone an event change must be told about (confirmed, invited or waiting), in one query,
   * with only what planning their messages needs.
   */
  audienceForEvent(manager: EntityManager, eventId: string): Promise<EventAudienceMember[]> {
    return manager
      .getRepository(Registration)
      .createQueryBuilder('registration')
      .select([
        'registration.id',
        'registration.email',
        'registration.status',
        'registration.calendarRevision',
      ])
      .where(
        "registration.eventId = :eventId AND registration.status IN ('confirmed', 'invited', 'waitlisted')",
        {
          eventId,
        },
      )
      .orderBy('registration.queuePosition', 'ASC')
      .getMany();
  }

  /** The address's registration for the event, locked (FOR UPDATE), or null. */
  async findForPerson(manager: EntityManager, eventId: string, email: string): Promise<Registration | null> {
    // Plain SQL: staff registrations and link requests ask it, and the query builder cost more than the query.
    const rows: Array<Record<string, unknown>> = await manager.query(this.personSql('', '$1', '$2'), [
      eventId,
      email,
    ]);
    return rows[0] ? this.fromRow(rows[0]) : null;
  }

  findByTokenHash(manager: EntityManager, tokenHash: string, lock = false): Promise<Registration | null> {
    return manager.getRepository(Registration).findOne({
      where: { manageTokenHash: tokenHash },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
  }

  /**
   * Of these normalised addresses, the ones that already have a registration for the event, in
   * any status (one query for any number): an invitation would leave them alone.
   */
  async emailsRegisteredAmong(
    manager: EntityManager,
    eventId: string,
    emails: string[],
  ): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows: Array<{ email: string }> = await manager.query(
      'SELECT email FROM registrations WHERE event_id = $1 AND email = ANY($2::text[])',
      [eventId, emails],
    );
    return new Set(rows.map((row) => row.email));
  }

  /**
   * Adds invited people to an event in one statement, skipping anyone who already has a
   * registration for it (any status): ON CONFLICT on the one-row-per-person constraint makes that
   * hold under concurrent requests too. Callers pass addresses sorted, so two overlapping calls
   * take their row locks in the same order and cannot deadlock. Returns the rows added.
   */
  async insertInvitedUnlessRegistered(
    manager: EntityManager,
    eventId: string,
    people: ReadonlyArray<{
      name: string;
      email: string;
      manageTokenHash: string;
      linkNonce: string;
      linkKeyId: string;
    }>,
    invitedAt: Date,
    invitedByPartnerId: string | null = null,
  ): Promise<Array<{ id: string; email: string; calendarRevision: number }>> {
    if (people.length === 0) return [];
    return manager.query(
      `INSERT INTO registrations
         (event_id, email, name, status, manage_token_hash, link_nonce, link_key_id, invited_at,
          invited_by_partner_id, attendance)
       SELECT $1, person.email, person.name, 'invited', person.token_hash, person.nonce, person.key_id, $2, $8,
              (SELECT CASE WHEN e.venue_id IS NULL THEN 'online' ELSE 'in_person' END FROM events e WHERE e.id = $1)
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS person(email, name, token_hash, nonce, key_id)
       ON CONFLICT ON CONSTRAINT registrations_one_per_person DO NOTHING
       RETURNING id, email, calendar_revision AS "calendarRevision"`,
      [
        eventId,
        invitedAt,
        people.map((person) => person.email),
        people.map((person) => person.name),
        people.map((person) => person.manageTokenHash),
        people.map((person) => person.linkNonce),
        people.map((person) => person.linkKeyId),
        invitedByPartnerId,
      ],
    );
  }

  /**
   * Gives a row a new link seed, unless another process did since `seen` was read (then false,
   * and the caller reads the row again). Replaces the token hash: older links stop working.
   */
  async reseedLink(
    manager: EntityManager,
    registrationId: string,
    seen: { linkNonce: string | null },
    seed: { linkNonce: string; linkKeyId: string; manageTokenHash: string },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Registration)
      .set(seed)
      .where('id = :registrationId', { registrationId })
      .andWhere(seen.linkNonce === null ? 'link_nonce IS NULL' : 'link_nonce = :seen', {
        seen: seen.linkNonce,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Just the link seed, read afresh. */
  linkSeedOf(
    manager: EntityManager,
    registrationId: string,
  ): Promise<Pick<Registration, 'id' | 'linkNonce' | 'linkKeyId'> | null> {
    return manager.getRepository(Registration).findOne({
      where: { id: registrationId },
      select: { id: true, linkNonce: true, linkKeyId: true },
    });
  }

  /**
   * An address's registrations for events still to come (published, not started), for "send me
   * my links" from a page that does not know the event.
   */
  upcomingForAddress(manager: EntityManager, email: string, now: Date): Promise<Registration[]> {
    return manager
      .getRepository(Registration)
      .createQueryBuilder('registration')
      .innerJoin('registration.event', 'event')
      .where('registration.email = :email', { email })
      .andWhere("event.status = 'published' AND event.startsAt > :now", { now })
      .orderBy('event.startsAt', 'ASC')
      .limit(20)
      .getMany();
  }

  /**
   * What a public registration reads, in one round trip: its event as shareForPlanning reads it
   * (FOR KEY SHARE), the address's registration for the event (locked FOR UPDATE, as
   * findForPerson), and with `lockAddress` the address's lock (addressLockSql), taken last, once
   * the rows are read. Null when there is no such event.
   */
  async eventAndPerson(
    manager: EntityManager,
    eventId: string,
    email: string,
    { lockAddress }: { lockAddress: boolean },
  ): Promise<{ event: EventEntity; person: Registration | null } | null> {
    // The person's columns are prefixed: the two rows share names (id, status, ...). The lateral
    // read follows the event's; the lock, in the select list, is taken once both rows are read.
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT event.*, person.*${lockAddress ? `, ${addressLockSql('$2')} AS address_locked` : ''}
         FROM (${shareForPlanningSql(manager, '$1')}) event
         LEFT JOIN LATERAL (${this.personSql(PERSON, 'event."id"', '$2')}) person ON true`,
      [eventId, email],
    );
    if (!rows[0]) return null;
    return {
      event: entityFromRow<EventEntity>(manager.connection.getMetadata(EventEntity), rows[0])!,
      person: entityFromRow<Registration>(this.registrations.metadata, rows[0], PERSON),
    };
  }

  /**
   * A new registration, its party's places and its messages in one statement. The places are
   * taken (takePlaceSql: all of them, only if they are all free) and the row is inserted confirmed
   * if they were, or if the party takes none (someone joining a hybrid event online), and
   * waitlisted if not; then the ledger rows for that outcome are written (NotificationLedger's
   * insertSql), the waitlisted ones with the person's place in line (`position`, counted as
   * waitlistPosition counts it). So the event's row, once locked, is held for no further round
   * trip of this statement, and nothing comes back through save().
   *
   * With `publicLimit` (a registration the public makes), the address's public registrations of
   * the last 24 hours (across events; invitations and staff-made ones do not count) are counted
   * first, in this statement: at the limit nothing is taken or written, and the answer is null.
   * The caller holds the address's lock (eventAndPerson), taken by an earlier statement, so the
   * count sees every registration of the address made before it.
   */
  async book(
    manager: EntityManager,
    values: NewRegistration & Pick<Registration, 'id'>,
    booking: {
      places: number;
      confirmedAt: Date;
      publicLimit: number | null;
      /** The ledger rows of each outcome, as SQL of this statement (NotificationLedger.insertSql). */
      messages: (
        params: SqlParams,
        outcome: { confirmed: string; waitlisted: string; waitlistPosition: string },
      ) => { confirmed: string; waitlisted: string };
    },
  ): Promise<{ registration: Registration; planned: PlannedRow[] } | null> {
    const params = new SqlParams();
    const eventId = params.add(values.eventId);
    const email = params.add(values.email);
    const allowed =
      booking.publicLimit === null
        ? 'true'
        : `(SELECT count(*) FROM registrations
             WHERE email = ${email} AND invited_at IS NULL AND registered_by_user_id IS NULL
               AND created_at > now() - interval '24 hours') < ${params.add(booking.publicLimit)}::int`;
    // A party that takes no place touches no event row (and wakes no public-read trigger).
    // (A data-modifying WITH must be at the statement's top level.)
    const placed =
      booking.places > 0
        ? `taken AS (${takePlaceSql({ eventId, places: params.add(booking.places), onlyIf: '(SELECT allowed FROM asked)' })}),
           outcome AS (SELECT allowed, EXISTS (SELECT 1 FROM taken) AS placed FROM asked)`
        : 'outcome AS (SELECT allowed, true AS placed FROM asked)';
    const insert = `INSERT INTO registrations
         (id, event_id, email, name, role, attendance, companions, phone, access_needs, access_notes,
          manage_token_hash, link_nonce, link_key_id, registered_by_user_id, registered_via,
          status, confirmed_at)
       SELECT ${params.add(values.id)}::uuid, ${eventId}::uuid, ${email}, ${params.add(values.name)},
              ${params.add(values.role)}, ${params.add(values.attendance)}, ${params.add(values.companions)}::int,
              ${params.add(values.phone)}, ${params.add(values.accessNeeds)}::text[], ${params.add(values.accessNotes)},
              ${params.add(values.manageTokenHash)}, ${params.add(values.linkNonce)}, ${params.add(values.linkKeyId)},
              ${params.add(values.registeredByUserId ?? null)}::uuid, ${params.add(values.registeredVia ?? null)},
              CASE WHEN outcome.placed THEN 'confirmed' ELSE 'waitlisted' END,
              CASE WHEN outcome.placed THEN ${params.add(booking.confirmedAt)}::timestamptz END
         FROM outcome WHERE outcome.allowed
       RETURNING ${this.columns()}`;
    const messages = booking.messages(params, {
      confirmed: `(SELECT status FROM inserted) = 'confirmed'`,
      waitlisted: `(SELECT status FROM inserted) = 'waitlisted'`,
      waitlistPosition: '(SELECT position FROM in_line)',
    });
    const rows: Array<Record<string, unknown> & { planned: PlannedRow[] | null }> = await manager.query(
      `WITH asked AS (SELECT ${allowed} AS allowed),
            ${placed},
            inserted AS (${insert}),
            -- The rows waiting before this one, as this statement sees them (it cannot see its own).
            in_line AS (
              SELECT ${placeInLineSql('inserted."eventId"', 'inserted."queuePosition"')} AS position FROM inserted
            ),
            planned_if_confirmed AS (${messages.confirmed}),
            planned_if_waitlisted AS (${messages.waitlisted})
       SELECT inserted.*,
              (SELECT json_agg(json_build_object('id', id, 'send_at', send_at)) FROM (
                 SELECT id, send_at FROM planned_if_confirmed
                 UNION ALL SELECT id, send_at FROM planned_if_waitlisted) planned) AS planned
         FROM inserted`,
      params.values,
    );
    if (!rows[0]) return null;
    return {
      registration: this.fromRow(rows[0]),
      // json_agg gives the timestamps as text.
      planned: (rows[0].planned ?? []).map((row) => ({ id: row.id, send_at: new Date(row.send_at) })),
    };
  }

  /**
   * book() in one statement run in autocommit, for a registration the public makes: the database
   * function book_registration (see its migration) takes the locks eventAndPerson and book take,
   * in their order, and does what book does, if the event's row still has the fingerprint of the
   * row the messages were planned from (readForBooking). One round trip where the transaction
   * took four (START, the read, the booking, COMMIT).
   *
   * 'booked' comes with the row and the ledger rows written; 'limited' (the address has had its
   * public registrations for the day) with nothing written; so do 'no-event', 'moved' (the event
   * is not as read) and 'registered' (the address has a registration for it), which the caller
   * answers through the transaction; and 'no-function' when the database has no book_registration
   * of this signature (see below).
   */
  async bookWithFunction(
    manager: EntityManager,
    values: FunctionValues,
    booking: {
      fingerprint: string;
      places: number;
      confirmedAt: Date;
      publicLimit: number;
      ifConfirmed: PlannedRecord[];
      ifWaitlisted: PlannedRecord[];
      /** The payload key the waitlisted rows are given the person's place in line under. */
      positionKey: string;
    },
  ): Promise<
    | { verdict: 'booked'; registration: Registration; planned: PlannedRow[] }
    | { verdict: 'limited' | 'no-event' | 'moved' | 'registered' | 'no-function' }
  > {
    // The row's columns by the table's names, as jsonb_populate_record reads them: every value
    // but those passed on their own, so a field added to NewRegistration fails to compile here
    // until it is passed (and written by the function).
    const row = {
      id: values.id,
      name: values.name,
      role: values.role,
      attendance: values.attendance,
      companions: values.companions,
      phone: values.phone,
      access_needs: values.accessNeeds,
      access_notes: values.accessNotes,
      manage_token_hash: values.manageTokenHash,
      link_nonce: values.linkNonce,
      link_key_id: values.linkKeyId,
    } satisfies {
      [Key in Exclude<keyof FunctionValues, 'eventId' | 'email'> as ColumnName<Key>]: FunctionValues[Key];
    };
    // The registration comes back as a composite: expanded here to columns() (the function's
    // own columns, verdict and planned, share no name with a registration's).
    let rows: Array<Record<string, unknown> & { verdict: string; planned: PlannedRow[] | null }>;
    try {
      rows = await manager.query(
        `SELECT b.verdict, b.planned, ${this.columns()}
           FROM book_registration($1::uuid, $2, $3, $4::int, $5, $6::int, $7::timestamptz, $8::jsonb,
                                  $9::jsonb, $10::jsonb, $11) b
           LEFT JOIN LATERAL (SELECT (b.booked).*) registration ON true`,
        [
          values.eventId,
          booking.fingerprint,
          values.email,
          booking.publicLimit,
          // The address's lock is addressLockSql's: the function is told its key, not given its own.
          ADDRESS_LOCK_NAMESPACE,
          booking.places,
          booking.confirmedAt,
          JSON.stringify(row),
          JSON.stringify(booking.ifConfirmed),
          JSON.stringify(booking.ifWaitlisted),
          booking.positionKey,
        ],
      );
    } catch (error) {
      // An api started before its migration ran (or beside a database with an older signature):
      // the statement failed alone, in autocommit, having written nothing, and the transaction
      // can book instead of the public being answered with a 500.
      if (isUndefinedFunction(error, 'book_registration')) return { verdict: 'no-function' };
      throw error;
    }
    const verdict = rows[0].verdict;
    if (verdict !== 'booked') return { verdict: verdict as 'limited' | 'no-event' | 'moved' | 'registered' };
    return {
      verdict,
      registration: this.fromRow(rows[0]),
      // json_agg gives the timestamps as text.
      planned: (rows[0].planned ?? []).map((row) => ({ id: row.id, send_at: new Date(row.send_at) })),
    };
  }

  /**
   * Whether the event has a place free while someone waits for one: an unlocked read, a hint
   * that a promotion is worth its locks (a party too big for the places free still waits).
   */
  async placeFreeWhileWaiting(manager: EntityManager, eventId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM events
        WHERE id = $1 AND (capacity IS NULL OR places_taken < capacity)
          AND EXISTS (SELECT 1 FROM registrations WHERE event_id = events.id AND status = 'waitlisted')`,
      [eventId],
    );
    return rows.length > 0;
  }

  insert(manager: EntityManager, values: Partial<Registration>): Promise<Registration> {
    const repository = manager.getRepository(Registration);
    return repository.save(repository.create(values));
  }

  save(manager: EntityManager, registration: Registration): Promise<Registration> {
    return manager.getRepository(Registration).save(registration);
  }

  listForEvent(
    eventId: string,
    page: { status?: string; limit: number; offset: number },
  ): Promise<[Registration[], number]> {
    return this.registrations.findAndCount({
      where: { eventId, ...(page.status && { status: page.status as Registration['status'] }) },
      order: { queuePosition: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** How many people are in each status, for staff and co-hosts (no names). */
  async countsForEvent(eventId: string): Promise<Record<string, number>> {
    const rows: Array<{ status: string; count: string }> = await this.registrations
      .createQueryBuilder('registration')
      .select('registration.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('registration.eventId = :eventId', { eventId })
      .groupBy('registration.status')
      .getRawMany();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }
  /**
   * What the staff events list shows at a glance, for a page of events in one query: places
   * taken (confirmed or attended, each person and their companions; none for someone joining a
   * hybrid event online, as placesFor counts them), people waiting, and access needs not yet arranged.
   */
  async glanceAt(eventIds: readonly string[]): Promise<Map<string, EventGlance>> {
    if (eventIds.length === 0) return new Map();
    const rows: Array<{ event_id: string } & EventGlance> = await this.registrations.query(
      `SELECT e.id AS event_id,
              (SELECT COALESCE(sum(1 + r.companions), 0) FROM registrations r JOIN events ev ON ev.id = r.event_id
                WHERE r.event_id = e.id AND r.status IN ('confirmed', 'attended')
                  AND NOT (r.attendance = 'online' AND ev.venue_id IS NOT NULL AND ev.online_url IS NOT NULL)
              )::int AS "placesTaken",
              (SELECT count(*) FROM registrations r
                WHERE r.event_id = e.id AND r.status = 'waitlisted')::int AS "waiting",
              (SELECT count(*) FROM access_tasks t
                WHERE t.event_id = e.id AND t.status = 'open')::int AS "openAccessNeeds"
         FROM unnest($1::uuid[]) AS e(id)`,
      [eventIds],
    );
    return new Map(rows.map(({ event_id, ...glance }) => [event_id, glance]));
  }
}
