import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { takePlaceSql } from '@roundtable/events';
import { entityColumnsSql } from '@roundtable/platform';
import { EntityManager, Repository } from 'typeorm';
import { Registration } from './registration.entity';

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
      `SELECT count(*)::int AS position FROM registrations
        WHERE event_id = $1 AND status = 'waitlisted' AND queue_position <= $2`,
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
    // Plain SQL: every public registration asks it, and the query builder cost more than the query.
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${this.columns()} FROM registrations WHERE event_id = $1 AND email = $2 FOR UPDATE`,
      [eventId, email],
    );
    return rows[0] ? asRegistration(rows[0]) : null;
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
   * A new registration and its party's places in one statement: the places are taken
   * (takePlaceSql: all of them, only if they are all free) and the row is inserted confirmed if
   * they were, or if the party takes none (someone joining a hybrid event online), and waitlisted
   * if not. So the event's row, once locked, is held for no further round trip of this statement,
   * and the row comes back from RETURNING, not through save().
   */
  async insertTakingPlaces(
    manager: EntityManager,
    values: NewRegistration,
    places: number,
    confirmedAt: Date,
  ): Promise<Registration> {
    // A party that takes no place touches no event row (and wakes no public-read trigger).
    // (A data-modifying WITH must be at the statement's top level.)
    const outcome =
      places > 0
        ? `taken AS (${takePlaceSql({ eventId: '$1', places: '$16' })}),
           outcome AS (SELECT EXISTS (SELECT 1 FROM taken) AS placed)`
        : 'outcome AS (SELECT true AS placed)';
    const rows: Array<Record<string, unknown>> = await manager.query(
      `WITH ${outcome}
       INSERT INTO registrations
         (event_id, email, name, role, attendance, companions, phone, access_needs, access_notes,
          manage_token_hash, link_nonce, link_key_id, registered_by_user_id, registered_via,
          status, confirmed_at)
       SELECT $1::uuid, $2, $3, $4, $5, $6::int, $7, $8::text[], $9, $10, $11, $12, $13::uuid, $14,
              CASE WHEN outcome.placed THEN 'confirmed' ELSE 'waitlisted' END,
              CASE WHEN outcome.placed THEN $15::timestamptz END
         FROM outcome
       RETURNING ${this.columns()}`,
      [
        values.eventId,
        values.email,
        values.name,
        values.role,
        values.attendance,
        values.companions,
        values.phone,
        values.accessNeeds,
        values.accessNotes,
        values.manageTokenHash,
        values.linkNonce,
        values.linkKeyId,
        values.registeredByUserId ?? null,
        values.registeredVia ?? null,
        confirmedAt,
        ...(places > 0 ? [places] : []),
      ],
    );
    return asRegistration(rows[0]);
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

/**
 * A row read with the repository's columns() as the entity. The driver has already typed each
 * value as TypeORM would (uuid and text as strings, bigint as a string, timestamptz as a Date,
 * arrays as arrays), so there is nothing to hydrate.
 */
function asRegistration(row: Record<string, unknown>): Registration {
  return Object.assign(new Registration(), row);
}
