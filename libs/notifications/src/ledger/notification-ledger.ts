import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RequestContext, SqlParams } from '@roundtable/platform';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Notification, type NotificationPayload, type NotificationStatus } from './notification.entity';
import { plannedSubject, type PlannedNotification } from './planned-notification';
import { NOTIFICATION_REGISTRY } from '../registry/notification-registry';

/** Rows per INSERT: well inside PostgreSQL's 65,535 bind parameters (11 a row). */
const PLAN_CHUNK = 1000;

/** The kinds a new event SEQUENCE does not supersede (see each entry's onReschedule). */
const KEPT_ON_RESCHEDULE = Object.values(NOTIFICATION_REGISTRY)
  .filter((entry) => entry.onReschedule === 'kept')
  .map((entry) => entry.kind);

/** A pending row as a change that supersedes it sees it, to plan it again if it is still needed. */
export interface PendingNotification {
  kind: string;
  idempotencyKey: string;
  registrationId: string | null;
  recipientEmail: string;
  sendAt: Date;
  payload: NotificationPayload;
}

export interface DueNotification {
  id: string;
  sendAt: Date;
  /** The request that planned it, carried on its job so the worker's logs join up with the api's. */
  requestId?: string | null;
}

/**
 * What an audience reads about a claimed row, as SQL over the CTE `claimed` (the claimed row's
 * columns): a select list whose every column is aliased with the audience's own prefix, and the
 * LEFT JOINs that list reads (each limited to the rows of the audience's own kinds, so a row of
 * another audience reads nothing). Parameters are added to `params`.
 */
export type ClaimJoin = (params: SqlParams) => { columns: string; joins: string };

/** A row the SMTP server accepted: what markManySent records. */
export interface SentNotification {
  id: string;
  smtpMessageId: string;
  sentAt: Date;
}

/** A claimed row, and the statement's whole result row for what a ClaimJoin read with it. */
export interface ClaimedNotification {
  row: Notification;
  facts: Readonly<Record<string, unknown>>;
}

/** A planned row as a record of the notifications table's columns (NotificationLedger.records). */
export interface PlannedRecord {
  kind: string;
  subject_type: string;
  subject_id: string;
  event_id: string | null;
  event_sequence: number | null;
  registration_id: string | null;
  recipient_email: string;
  send_at: string;
  idempotency_key: string;
  payload: NotificationPayload;
  request_id: string | null;
}

/** The SQL of the ledger, in one place: planning rows, claiming them, and finishing them. */
@Injectable()
export class NotificationLedger {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly context: RequestContext,
  ) {}

  /**
   * Writes the rows inside the caller's transaction (the outbox half of the pattern). A row whose
   * idempotency key exists already is skipped; returns the rows actually written. Each row records
   * the request that planned it (from the async context), so its send can be traced back to it.
   */
  async plan(manager: EntityManager, planned: PlannedNotification[]): Promise<DueNotification[]> {
    const requestId = this.context.requestId;
    const due: DueNotification[] = [];
    // Postgres takes at most 65,535 parameters a statement (eleven a row here): a mailing to
    // thousands is written a chunk at a time, still inside the caller's one transaction.
    for (let start = 0; start < planned.length; start += PLAN_CHUNK) {
      due.push(...(await this.planChunk(manager, planned.slice(start, start + PLAN_CHUNK), requestId)));
    }
    return due;
  }

  /**
   * One statement a chunk, the columns passed as arrays (unnest): as fast for a thousand rows as
   * for one, where a multi-row VALUES built by the query builder slows down with size.
   */
  private async planChunk(
    manager: EntityManager,
    planned: PlannedNotification[],
    requestId: string | null,
  ): Promise<DueNotification[]> {
    const params = new SqlParams();
    const rows: PlannedRow[] = await manager.query(
      plannedInsertSql(planned, requestId, params),
      params.values,
    );
    return dueFrom(rows, requestId);
  }

  /**
   * plan() as SQL, for a change that writes its rows in its own statement (a data-modifying
   * `WITH planned AS (...)`), so they cost it no round trip of their own: a public registration
   * writes its row, its places and its messages in one. The INSERT returns `id` and `send_at`:
   * hand those rows to due(). For at most PLAN_CHUNK rows (a person's own messages).
   *
   * `when` (SQL of the caller's statement) writes the rows only if it holds: a statement that
   * decides between two sets (a place or the waiting list) writes one. `payloadWith` adds payload
   * keys whose values the statement itself computes (SQL expressions), to each row's own.
   */
  insertSql(
    planned: PlannedNotification[],
    params: SqlParams,
    options: { when?: string; payloadWith?: Record<string, string> } = {},
  ): string {
    if (planned.length > PLAN_CHUNK) throw new Error(`insertSql writes at most ${PLAN_CHUNK} rows`);
    return plannedInsertSql(planned, this.context.requestId, params, options);
  }

  /**
   * plan()'s rows as plain records (snake_case, as jsonb_to_recordset reads them), for a database
   * function that writes them itself (book_registration, see its migration): each records the
   * request that planned it, as plan() does. For at most PLAN_CHUNK rows (a person's own messages).
   */
  records(planned: PlannedNotification[]): PlannedRecord[] {
    if (planned.length > PLAN_CHUNK) throw new Error(`records gives at most ${PLAN_CHUNK} rows`);
    return plannedRecords(planned, this.context.requestId);
  }

  /** The rows an insertSql statement returned, as plan() returns them. */
  due(rows: PlannedRow[]): DueNotification[] {
    return dueFrom(rows, this.context.requestId);
  }

  /**
   * Marks an event's pending messages planned before `sequence` as superseded, so a reschedule
   * or cancellation stops old invites and reminders going out. Call in the change's transaction.
   */
  async supersedeBefore(manager: EntityManager, eventId: string, sequence: number): Promise<number> {
    const query = manager
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'superseded' })
      .where('eventId = :eventId AND eventSequence < :sequence AND status = :pending', {
        eventId,
        sequence,
        pending: 'pending',
      });
    // Kinds kept on a reschedule (messages to staff are about the event, not its time: late
    // access needs are still late after it) stay; the worker drops them if it is cancelled.
    if (KEPT_ON_RESCHEDULE.length > 0) {
      query.andWhere('kind NOT IN (:...keptKinds)', { keptKinds: KEPT_ON_RESCHEDULE });
    }
    const result = await query.execute();
    return result.affected ?? 0;
  }

  /**
   * The registrations of an event that were actually sent a message of `kind` (at any sequence):
   * for `invitation`, the invited people who have heard of the event. One query for the event.
   */
  async registrationsSent(manager: EntityManager, eventId: string, kind: string): Promise<Set<string>> {
    const rows: Array<{ registration_id: string }> = await manager.query(
      `SELECT DISTINCT registration_id FROM notifications
        WHERE event_id = $1 AND kind = $2 AND status = 'sent' AND registration_id IS NOT NULL`,
      [eventId, kind],
    );
    return new Set(rows.map((row) => row.registration_id));
  }

  /** An event's pending rows planned before `sequence`, optionally leaving out some kinds. */
  async pendingForEvent(
    manager: EntityManager,
    eventId: string,
    sequence: number,
    exceptKinds: string[] = [],
  ): Promise<PendingNotification[]> {
    const query = manager
      .getRepository(Notification)
      .createQueryBuilder('n')
      .select(['n.kind', 'n.idempotencyKey', 'n.registrationId', 'n.recipientEmail', 'n.sendAt', 'n.payload'])
      .where("n.eventId = :eventId AND n.eventSequence < :sequence AND n.status = 'pending'", {
        eventId,
        sequence,
      })
      .orderBy('n.createdAt', 'ASC');
    if (exceptKinds.length > 0) query.andWhere('n.kind NOT IN (:...exceptKinds)', { exceptKinds });
    return (await query.getMany()).map((row) => ({
      kind: row.kind,
      idempotencyKey: row.idempotencyKey,
      registrationId: row.registrationId,
      recipientEmail: row.recipientEmail,
      sendAt: row.sendAt,
      payload: row.payload,
    }));
  }

  /** Supersedes an event's pending reminders whose offset is no longer among `offsets`. */
  async supersedeRemindersNotIn(manager: EntityManager, eventId: string, offsets: string[]): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'superseded' })
      .where("eventId = :eventId AND kind = 'reminder' AND status = 'pending'", { eventId })
      .andWhere(`NOT (COALESCE("payload"->>'offset', '') = ANY(:offsets))`, { offsets })
      .execute();
    return result.affected ?? 0;
  }

  /** Supersedes a registration's pending messages (e.g. reminders for someone who cancelled). */
  async supersedeForRegistration(
    manager: EntityManager,
    registrationId: string,
    kinds?: string[],
  ): Promise<void> {
    const query = manager
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'superseded' })
      .where('registrationId = :registrationId AND status = :pending', {
        registrationId,
        pending: 'pending',
      });
    if (kinds) query.andWhere('kind IN (:...kinds)', { kinds });
    await query.execute();
  }

  /**
   * Claims a row for sending: only one worker can move it from pending to sending, so a job run
   * twice (stalled, or added twice) sends once. Returns null when there is nothing to send.
   * With a `join`, what it reads about the row comes in the same statement: an audience's preparer
   * offers it (see ClaimJoin) so a claimed row arrives with its facts, one round trip a message
   * fewer. `facts` is the statement's whole result row (the claimed columns and the join's own).
   * The join reads with the statement's snapshot, taken when the statement starts, before the
   * claim may wait on the row's lock: a change committed during that wait is not seen. The writers
   * that make a pending row stale while locking it (a reschedule, a cancellation, retention)
   * supersede it in the same transaction, so the claim, re-checked after the wait, finds it no
   * longer pending. Any other change (an unsubscribe, a new title) could as well land just after
   * a separate read, as it could before. A writer that changed a pending row and left it pending
   * would need a read after the claim instead.
   */
  async claimWith(id: string, now: Date, join: ClaimJoin | null): Promise<ClaimedNotification | null> {
    return (await this.claimManyWith([id], now, join)).get(id) ?? null;
  }

  /**
   * claimWith for several rows in one statement, keyed by id: only the rows that were pending
   * (and so are now this caller's) are in the answer. The ids are taken in order, so two batches
   * that share rows lock them in the same order.
   */
  async claimManyWith(
    ids: readonly string[],
    now: Date,
    join: ClaimJoin | null,
  ): Promise<Map<string, ClaimedNotification>> {
    // Plain SQL: it runs for every message sent, and the query builder cost more CPU building
    // the statement and reading the row back than the database spent on it.
    const params = new SqlParams();
    const update = `UPDATE notifications
          SET status = 'sending', claimed_at = ${params.add(now)}, attempts = attempts + 1, updated_at = now()
        WHERE id = ANY(${params.add([...ids].sort())}::uuid[]) AND status = 'pending'
        RETURNING ${CLAIMED_COLUMNS}`;
    let rows: Record<string, unknown>[];
    if (join) {
      const { columns, joins } = join(params);
      // A SELECT answers with its rows. The LEFT JOINs keep the claimed row when they find nothing.
      rows = await this.notifications.manager.query(
        `WITH claimed AS (${update})
         SELECT claimed.*, ${columns} FROM claimed ${joins}`,
        params.values,
      );
    } else {
      // TypeORM answers an UPDATE with [rows, affected].
      [rows] = (await this.notifications.manager.query(update, params.values)) as [
        Record<string, unknown>[],
        number,
      ];
    }
    return new Map(rows.map((raw) => [raw.id as string, { row: fromRaw(raw), facts: raw }]));
  }

  /**
   * Records the SMTP server's acceptance of each row's message, in one statement, the rows taken in
   * id order as the claim takes them. A row the sweeper handed back while its send was still going
   * (a send that outlived the lease) is pending again, and is marked sent all the same, so that it
   * is not sent a second time.
   */
  async markManySent(sent: readonly SentNotification[]): Promise<void> {
    const ordered = [...sent].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Plain SQL for the same reason as the claim: once for every message sent.
    await this.notifications.manager.query(
      `UPDATE notifications AS n
          SET status = 'sent', smtp_message_id = s.smtp_message_id, sent_at = s.sent_at,
              last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS s(id, smtp_message_id, sent_at)
        WHERE n.id = s.id AND n.status IN ('sending', 'pending')`,
      [
        ordered.map((row) => row.id),
        ordered.map((row) => row.smtpMessageId),
        ordered.map((row) => row.sentAt.toISOString()),
      ],
    );
  }

  /** The row is no longer current (the event moved on, the registration changed): never sent. */
  async markSuperseded(id: string): Promise<void> {
    await this.finish(id, { status: 'superseded' });
  }

  /** Hands the row back for another try (BullMQ retries the job with backoff). */
  async release(id: string, error: string): Promise<void> {
    await this.notifications.update({ id, status: 'sending' }, { status: 'pending', lastError: error });
  }

  /** Gives up on a claimed row: the last attempt failed, or the message cannot be built. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.finish(id, { status: 'failed', lastError: error });
  }

  /** Moves a claimed row to its final state. */
  private async finish(
    id: string,
    changes: QueryDeepPartialEntity<Notification>,
    from: NotificationStatus[] = ['sending'],
  ): Promise<void> {
    await this.notifications
      .createQueryBuilder()
      .update(Notification)
      .set(changes)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
  }

  /**
   * Rows that should be in the queue: pending and due within `horizon`, plus rows stuck in
   * sending longer than the lease (the worker died mid-send), which are handed back first.
   */
  async findDueForSweep(
    now: Date,
    horizonMs: number,
    leaseMs: number,
    limit: number,
  ): Promise<DueNotification[]> {
    await this.notifications
      .createQueryBuilder()
      .update(Notification)
      .set({ status: 'pending' })
      .where('status = :sending AND claimedAt < :expired', {
        sending: 'sending',
        expired: new Date(now.getTime() - leaseMs),
      })
      .execute();
    const rows = await this.notifications
      .createQueryBuilder('n')
      .select(['n.id', 'n.sendAt', 'n.requestId'])
      .where('n.status = :pending AND n.sendAt <= :horizon', {
        pending: 'pending',
        horizon: new Date(now.getTime() + horizonMs),
      })
      .orderBy('n.sendAt', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => ({ id: row.id, sendAt: row.sendAt, requestId: row.requestId }));
  }

  async listForEvent(
    eventId: string,
    page: { limit: number; offset: number },
  ): Promise<[Notification[], number]> {
    return this.notifications.findAndCount({
      where: { eventId },
      // One change plans several rows at once (same createdAt): then soonest to send first.
      order: { createdAt: 'ASC', sendAt: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }
}

/** What the INSERT of planned rows returns for each row written (a repeated key writes none). */
export interface PlannedRow {
  id: string;
  send_at: Date;
}

/**
 * The INSERT of planned rows, the columns passed as arrays and read back with unnest; a row whose
 * idempotency key exists already is skipped.
 */
function plannedInsertSql(
  planned: PlannedNotification[],
  requestId: string | null,
  params: SqlParams,
  { when, payloadWith = {} }: { when?: string; payloadWith?: Record<string, string> } = {},
): string {
  const rows = plannedRecords(planned, requestId);
  const column = <K extends keyof PlannedRecord>(key: K) => params.add(rows.map((row) => row[key]));
  // The key is a parameter like every value (the computed value is SQL of the caller's statement).
  const computed = Object.entries(payloadWith).map(([key, value]) => `${params.add(key)}::text, ${value}`);
  return `INSERT INTO notifications
         (kind, subject_type, subject_id, event_id, event_sequence, registration_id, recipient_email,
          send_at, idempotency_key, payload, request_id)
       SELECT kind, subject_type, subject_id, event_id, event_sequence, registration_id, recipient_email,
              send_at, idempotency_key,
              payload::jsonb${computed.length > 0 ? ` || jsonb_build_object(${computed.join(', ')})` : ''},
              request_id
         FROM unnest(${column('kind')}::text[],
                     ${column('subject_type')}::text[],
                     ${column('subject_id')}::uuid[],
                     ${column('event_id')}::uuid[],
                     ${column('event_sequence')}::int[],
                     ${column('registration_id')}::uuid[],
                     ${column('recipient_email')}::text[],
                     ${column('send_at')}::timestamptz[],
                     ${column('idempotency_key')}::text[],
                     ${params.add(rows.map((row) => JSON.stringify(row.payload)))}::text[],
                     ${column('request_id')}::text[])
           AS planned(kind, subject_type, subject_id, event_id, event_sequence, registration_id,
                      recipient_email, send_at, idempotency_key, payload, request_id)
        ${when ? `WHERE ${when}` : ''}
       ON CONFLICT DO NOTHING
       RETURNING id, send_at`;
}

/**
 * Planned rows as records of the table's columns, each recording the request that planned it: what
 * the INSERT above passes as arrays, and what a database function that writes them itself is given
 * (NotificationLedger.records).
 */
function plannedRecords(planned: PlannedNotification[], requestId: string | null): PlannedRecord[] {
  return planned.map((row) => {
    const subject = plannedSubject(row);
    return {
      kind: row.kind,
      subject_type: subject.subjectType,
      subject_id: subject.subjectId,
      event_id: row.eventId ?? null,
      event_sequence: row.eventSequence ?? null,
      registration_id: row.registrationId,
      recipient_email: row.recipientEmail,
      send_at: row.sendAt.toISOString(),
      idempotency_key: row.idempotencyKey,
      payload: row.payload ?? {},
      request_id: requestId,
    };
  });
}

function dueFrom(rows: PlannedRow[], requestId: string | null): DueNotification[] {
  return rows.map((row) => ({ id: row.id, sendAt: row.send_at, requestId }));
}

/** What a claim reads back: every column the sender and the preparers use. */
const CLAIMED_COLUMNS = `id, kind, subject_type, subject_id, event_id, registration_id, recipient_email,
  event_sequence, send_at, status, attempts, payload, request_id`;

function fromRaw(raw: Record<string, unknown>): Notification {
  return Object.assign(new Notification(), {
    id: raw.id as string,
    kind: raw.kind as string,
    subjectType: raw.subject_type as Notification['subjectType'],
    subjectId: raw.subject_id as string,
    eventId: (raw.event_id as string | null) ?? null,
    registrationId: (raw.registration_id as string | null) ?? null,
    recipientEmail: raw.recipient_email as string,
    eventSequence: (raw.event_sequence as number | null) ?? null,
    sendAt: raw.send_at as Date,
    status: raw.status as Notification['status'],
    attempts: raw.attempts as number,
    payload: (raw.payload as NotificationPayload) ?? {},
    requestId: (raw.request_id as string | null) ?? null,
  });
}
