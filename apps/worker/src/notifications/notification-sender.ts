import { Injectable, Logger } from '@nestjs/common';
import {
  MailSendError,
  MailTransport,
  NOTIFICATION_JOBS,
  NotificationLedger,
  notificationKindEntry,
  PayloadError,
  withoutAddresses,
  type NotificationKindEntry,
  type Notification,
  type PreparedNotification,
  type SendNotificationJob,
} from '@roundtable/notifications';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';
import { LedgerBatches } from './ledger-batches';
import { NotificationPreparers } from './preparers/notification-preparers';

/**
 * Sends one ledger row: claims it, asks the registry for its kind's entry and that entry's
 * audience's preparer, supersedes or builds and sends, records, and applies the retry rules. It
 * knows no kind, audience or subject by name. The claim (pending → sending, in one conditional
 * UPDATE) is what makes this safe to run twice: a job re-run after a stall, added twice, or taken
 * by two workers sends once. Logs carry ids only.
 */
@Injectable()
export class NotificationSender implements JobHandler {
  readonly jobName = NOTIFICATION_JOBS.send;
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    private readonly ledger: NotificationLedger,
    private readonly batches: LedgerBatches,
    private readonly preparers: NotificationPreparers,
    private readonly mail: MailTransport,
  ) {}

  async handle(job: Job<unknown>): Promise<void> {
    const data = sendJobData(job.data);
    const ids = `notification ${data.notificationId}, job ${job.id}${data.requestId ? `, request ${data.requestId}` : ''}`;
    // Claimed with what the preparers that offer it read, in one statement (see claimJoin),
    // shared with the other jobs in flight (see LedgerBatches).
    const claimed = await this.batches.claim(data.notificationId);
    if (!claimed) {
      this.logger.debug(`Nothing to send for ${ids}: not pending`);
      return;
    }
    const { row } = claimed;
    let sent = false;
    try {
      const smtpMessageId = await this.deliver(row, claimed.facts, ids);
      sent = smtpMessageId !== null;
      if (smtpMessageId !== null) {
        await this.batches.markSent(row.id, smtpMessageId);
        this.logger.log(`Sent ${row.kind} ${ids}, ${about(row)}`);
      }
    } catch (error) {
      await this.afterFailure(row, job, ids, error, sent);
      throw error;
    }
  }

  /**
   * Sends the row's message; null when it is no longer current and so was superseded. One path
   * for every kind: prepare (its audience's preparer reads what the message is about now, and
   * whether it still stands), supersede if it does not, else build and send.
   */
  private async deliver(
    row: Notification,
    claimed: Readonly<Record<string, unknown>>,
    ids: string,
  ): Promise<string | null> {
    const prepared = await this.prepare(row, claimed);
    if ('stale' in prepared) {
      await this.ledger.markSuperseded(row.id);
      this.logger.log(`Superseded ${row.kind} ${ids}, ${about(row)}: ${prepared.stale}`);
      return null;
    }
    let options;
    try {
      options = prepared.build();
    } catch (error) {
      // Our own wording, about ids and payload keys: no personal data.
      throw new UnrecoverableError(`could not build the message: ${(error as Error).message}`);
    }
    return this.mail.send(options);
  }

  /**
   * Asks the preparer for the audience of the row's kind what the message needs and whether it
   * still stands. A row no preparer can read (a kind about a partner while only event messages
   * can be sent), or whose payload does not fit, fails at once: a retry would not help.
   */
  private async prepare(
    row: Notification,
    claimed: Readonly<Record<string, unknown>>,
  ): Promise<PreparedNotification> {
    const entry = kindEntry(row.kind);
    const preparer = this.preparers.for(row, entry);
    if (!preparer) {
      throw new UnrecoverableError(
        `could not build the message: no ${row.kind} message about a ${row.subjectType} can be sent`,
      );
    }
    try {
      return await preparer.prepare(row, entry, claimed);
    } catch (error) {
      if (error instanceof PayloadError) {
        throw new UnrecoverableError(`could not build the message: ${error.message}`);
      }
      throw error;
    }
  }

  /**
   * Hands the row back for BullMQ's retry, or marks it failed when no retry is left (or none
   * would help). A message the SMTP server accepted is never handed back, even if recording
   * that failed: the row then waits out its lease, the one path to sending it twice.
   */
  private async afterFailure(
    row: Notification,
    job: Job<unknown>,
    ids: string,
    error: unknown,
    sent: boolean,
  ): Promise<void> {
    // Our own errors say what failed without personal data; anything else is scrubbed.
    const reason =
      error instanceof MailSendError || error instanceof UnrecoverableError
        ? error.message
        : withoutAddresses(String(error));
    if (sent) {
      this.logger.error(`Sent ${ids} but could not record it: ${reason}`);
      return;
    }
    const lastAttempt =
      error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (lastAttempt) {
      await this.ledger.markFailed(row.id, reason);
      this.logger.error(`Failed ${row.kind} ${ids}, ${about(row)}, attempt ${row.attempts}: ${reason}`);
    } else {
      await this.ledger.release(row.id, reason);
      this.logger.warn(`Will retry ${row.kind} ${ids}, ${about(row)}, attempt ${row.attempts}: ${reason}`);
    }
  }
}

/** The row's kind's registry entry; a kind nobody registered cannot be built, now or later. */
function kindEntry(kind: string): NotificationKindEntry {
  try {
    return notificationKindEntry(kind);
  } catch (error) {
    throw new UnrecoverableError(`could not build the message: ${(error as Error).message}`);
  }
}

/** What a row is about, for the log: "event <id>", "partner <id>"; an id, never a name. */
function about(row: Notification): string {
  return `${row.subjectType} ${row.subjectId}`;
}

/** Job data comes from Redis: take only a well-formed row id. */
function sendJobData(data: unknown): SendNotificationJob {
  const { notificationId, requestId } = (data ?? {}) as Partial<Record<keyof SendNotificationJob, unknown>>;
  if (typeof notificationId !== 'string' || !/^[0-9a-f-]{36}$/i.test(notificationId)) {
    throw new UnrecoverableError('a send job needs the notificationId of a ledger row');
  }
  return { notificationId, ...(typeof requestId === 'string' && { requestId }) };
}
