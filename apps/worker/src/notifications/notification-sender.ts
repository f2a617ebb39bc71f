import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EventsService, type EventEntity } from '@roundtable/events';
import {
  MailSendError,
  MailTransport,
  NOTIFICATION_JOBS,
  NotificationLedger,
  notificationKindEntry,
  whyNotCurrent,
  withoutAddresses,
  type NotificationKindEntry,
  type StaffKindEntry,
  type Notification,
  type SendNotificationJob,
} from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import {
  AccessTasksRepository,
  InvitationSuppressionsRepository,
  ManageLinks,
  Registration,
} from '@roundtable/registrations';
import { UnrecoverableError, type Job } from 'bullmq';
import type Mail from 'nodemailer/lib/mailer';
import type { Repository } from 'typeorm';
import type { JobHandler } from '../jobs/job-handler';
import { NotificationRenderer } from './notification-renderer';

/**
 * Sends one ledger row. The claim (pending → sending, in one conditional UPDATE) is what makes
 * this safe to run twice: a job re-run after a stall, added twice, or taken by two workers sends
 * once. Logs carry ids only.
 */
@Injectable()
export class NotificationSender implements JobHandler {
  readonly jobName = NOTIFICATION_JOBS.send;
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    private readonly ledger: NotificationLedger,
    private readonly events: EventsService,
    @InjectRepository(Registration) private readonly registrations: Repository<Registration>,
    private readonly suppressions: InvitationSuppressionsRepository,
    private readonly renderer: NotificationRenderer,
    private readonly manageLinks: ManageLinks,
    private readonly accessTasks: AccessTasksRepository,
    private readonly mail: MailTransport,
    private readonly clock: Clock,
  ) {}

  async handle(job: Job<unknown>): Promise<void> {
    const data = sendJobData(job.data);
    const ids = `notification ${data.notificationId}, job ${job.id}${data.requestId ? `, request ${data.requestId}` : ''}`;
    const row = await this.ledger.claim(data.notificationId, this.clock.now());
    if (!row) {
      this.logger.debug(`Nothing to send for ${ids}: not pending`);
      return;
    }
    let sent = false;
    try {
      const smtpMessageId = await this.deliver(row, ids);
      sent = smtpMessageId !== null;
      if (smtpMessageId !== null) {
        await this.ledger.markSent(row.id, smtpMessageId, this.clock.now());
        this.logger.log(`Sent ${row.kind} ${ids}, ${about(row)}`);
      }
    } catch (error) {
      await this.afterFailure(row, job, ids, error, sent);
      throw error;
    }
  }

  /**
   * Sends the row's message; null when it is no longer current and so was superseded. One path
   * for every kind: prepare (read what the message is about now, and whether it still stands),
   * supersede if it does not, else build and send.
   */
  private async deliver(row: Notification, ids: string): Promise<string | null> {
    const prepared = await this.prepare(row);
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

  private async prepare(row: Notification): Promise<Prepared> {
    if (row.subjectType !== 'event' || row.eventId === null) {
      // Every kind today is about an event; a partner's or a testimony's kinds come with their own.
      throw new UnrecoverableError(
        `could not build the message: no ${row.kind} message about a ${row.subjectType} can be sent`,
      );
    }
    const entry = kindEntry(row.kind);
    if (entry.audience === 'staff') return this.prepareForStaff(row, entry, row.eventId);
    const { event, registration } = await this.eventAndRegistration(row, row.eventId);
    const stale = whyNotCurrent(row, event, registration, await this.recipient(row, entry));
    if (stale || !registration) return { stale: stale ?? 'the recipient has been erased' };
    // Every message that offers the person's own page links to it: derived now, never stored. The
    // cancellations offer none, so a row made before derived links is not re-seeded for them.
    const manageToken = entry.carriesManageLink ? await this.manageLinks.tokenFor(registration) : null;
    return { build: () => this.renderer.render(row, entry, event, registration, manageToken) };
  }

  /**
   * The event (with its venue) and the registration as they are now. One query while the
   * registration exists, as it almost always does; otherwise (erased) the event on its own.
   */
  private async eventAndRegistration(
    row: Notification,
    eventId: string,
  ): Promise<{ event: EventEntity; registration: Registration | null }> {
    const registration = row.registrationId
      ? await this.registrations
          .createQueryBuilder('registration')
          .innerJoinAndSelect('registration.event', 'event')
          .leftJoinAndSelect('event.venue', 'venue')
          .where('registration.id = :id', { id: row.registrationId })
          .getOne()
      : null;
    const joined = registration?.event;
    // The event is handed back on its own; the registration stays a plain read of its row.
    if (registration) delete registration.event;
    const event = joined && registration?.eventId === eventId ? joined : await this.events.get(eventId);
    return { event, registration };
  }

  /** What the currency check needs to know about the person: only invitations need a look-up. */
  private async recipient(
    row: Notification,
    entry: NotificationKindEntry,
  ): Promise<{ unsubscribed: boolean }> {
    if (entry.audience !== 'registration' || !entry.skipsUnsubscribed || row.recipientEmail.trim() === '') {
      return { unsubscribed: false };
    }
    return { unsubscribed: await this.suppressions.isSuppressed(row.recipientEmail) };
  }

  /**
   * A message to staff (late access tasks) has no registration. It goes only while the event is
   * on and some of the tasks it is about are still open, and lists only those.
   */
  private async prepareForStaff(
    row: Notification,
    entry: StaffKindEntry,
    eventId: string,
  ): Promise<Prepared> {
    const taskIds = row.payload.taskIds;
    if (!Array.isArray(taskIds)) {
      throw new UnrecoverableError(`could not build the message: ${entry.payloadNeeds}`);
    }
    const event = await this.events.get(eventId);
    const stale = whyNotCurrent(row, event, null);
    const open = stale ? [] : await this.accessTasks.stillOpen(taskIds);
    const reason = stale ?? (open.length === 0 ? 'the tasks were all arranged or cancelled meanwhile' : null);
    if (reason) return { stale: reason };
    return { build: () => this.renderer.renderForStaff(row, entry, event, open) };
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

/** A message that still stands, ready to build; or why it no longer does. */
type Prepared = { build: () => Mail.Options } | { stale: string };

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
