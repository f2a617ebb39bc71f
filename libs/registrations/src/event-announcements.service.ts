import { Injectable, Logger } from '@nestjs/common';
import {
  EventsService,
  type EventChange,
  type EventEntity,
  type EventTransition,
  type UpdateEventDto,
} from '@roundtable/events';
import {
  NOTIFICATION_REGISTRY,
  NotificationLedger,
  NotificationOutbox,
  previousEventPayload,
  type DueNotification,
  type NotificationKind,
  type NotificationKindEntry,
  type NotificationPayload,
  type PendingNotification,
  type PlannedNotification,
} from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';
import { AccessTasksPlanner } from './access-tasks/access-tasks.planner';
import { planned, reminderMessages } from './registrations/registration-messages';
import type { RegistrationStatus } from './registrations/registration-status';
import { RegistrationsRepository, type EventAudienceMember } from './registrations/registrations.repository';
import { RegistrationsService } from './registrations/registrations.service';

/** Whether `kind` is the first message someone of `status` is sent (see its registry entry). */
function isFirstMessage(kind: string, status: RegistrationStatus): boolean {
  const entry = registryEntry(kind);
  return entry?.audience === 'registration' && (entry.firstMessageFor?.includes(status) ?? false);
}

/**
 * Whether a reschedule plans `kind` afresh for everyone (see its registry entry); any other
 * pending row (an `access-arranged` message, someone's `registration-cancelled`) is still needed
 * and is planned again as it was.
 */
function plannedAfresh(kind: string): boolean {
  return registryEntry(kind)?.onReschedule === 'planned-afresh';
}

function registryEntry(kind: string): NotificationKindEntry | undefined {
  return (NOTIFICATION_REGISTRY as Record<string, NotificationKindEntry | undefined>)[kind];
}

/**
 * Changes to an event that people registered for must hear about: the api's routes and the staff
 * pages call this, not EventsService, to update or cancel an event. The messages are planned in
 * the event change's own transaction (through EventsService's hook, so the events library knows
 * nothing of registrations) and enqueued after it commits.
 *
 * Everything here is set-based: an event may have thousands of people, so it reads the audience,
 * the pending rows and who was sent an invitation with one query each and writes rows in multi-row INSERTs.
 */
@Injectable()
export class EventAnnouncementsService {
  private readonly logger = new Logger(EventAnnouncementsService.name);

  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: NotificationLedger,
    private readonly outbox: NotificationOutbox,
    private readonly accessTasks: AccessTasksPlanner,
    private readonly registrationsService: RegistrationsService,
    private readonly clock: Clock,
  ) {}

  /** Updates the event; a published event that moved tells everyone, with new reminders. */
  async update(id: string, patch: UpdateEventDto): Promise<EventChange> {
    let due: DueNotification[] = [];
    const change = await this.events.update(id, patch, async (manager, transition) => {
      due = await this.planForUpdate(manager, transition);
    });
    await this.outbox.enqueue(due);
    if (due.length > 0) this.logger.log(`Event ${id} changed: ${due.length} message(s) planned`);
    // A capacity raised: a booking waitlisted meanwhile was not seen by the promotion above.
    await this.registrationsService.promoteAfterCommit(id);
    return change;
  }

  /**
   * A change kept outside the event's row (its co-hosts, made by `work` with the event locked):
   * when it changed what a published event's people were told, the sequence is raised and
   * everyone is sent an update with a new calendar invite, exactly as for a reschedule. `previous`
   * (what people heard before, e.g. `previousCohosts`) goes into each update's payload so the
   * message can say what changed. Messages are planned in the transaction, enqueued after commit.
   */
  async changeAround<T>(
    id: string,
    work: (
      manager: EntityManager,
      event: EventEntity,
    ) => Promise<{ changed: boolean; result: T; previous?: NotificationPayload }>,
  ): Promise<T> {
    let due: DueNotification[] = [];
    let previous: NotificationPayload = {};
    const result = await this.events.changeAround(
      id,
      async (manager, event) => {
        const outcome = await work(manager, event);
        previous = outcome.previous ?? {};
        return outcome;
      },
      async (manager, transition) => {
        due = await this.planReschedule(manager, transition, previous);
      },
    );
    await this.outbox.enqueue(due);
    if (due.length > 0) this.logger.log(`Event ${id} changed: ${due.length} message(s) planned`);
    return result;
  }

  /** Cancels the event; if it was published, everyone registered, invited or waiting is told. */
  async cancel(id: string, reason: string): Promise<EventEntity> {
    let due: DueNotification[] = [];
    const event = await this.events.cancel(id, reason, async (manager, transition) => {
      due = await this.planForCancel(manager, transition);
    });
    await this.outbox.enqueue(due);
    if (due.length > 0) this.logger.log(`Event ${id} cancelled: ${due.length} message(s) planned`);
    return event;
  }

  private async planForUpdate(
    manager: EntityManager,
    transition: EventTransition,
  ): Promise<DueNotification[]> {
    const { before, after } = transition;
    if (after.status !== 'published') return [];
    await this.accessTasks.followEventTimes(manager, transition);
    const due = transition.rescheduled
      ? await this.planReschedule(manager, transition)
      : !sameOffsets(before.reminderOffsets, after.reminderOffsets)
        ? await this.replanReminders(manager, after)
        : [];
    if (capacityGrew(before.capacity, after.capacity)) {
      // New places belong to the people already waiting, in order, not to the next to register.
      const promoted = await this.registrationsService.promoteIntoFreePlaces(manager, after);
      due.push(...(await this.ledger.plan(manager, promoted)));
    }
    return due;
  }

  /**
   * The event moved in time or place and its sequence was raised: every pending row of the old
   * sequence is superseded, and each person gets what fits where they are (see isFirstMessage).
   */
  private async planReschedule(
    manager: EntityManager,
    { before, after }: EventTransition,
    alsoPrevious: NotificationPayload = {},
  ): Promise<DueNotification[]> {
    const now = this.clock.now();
    const pending = await this.ledger.pendingForEvent(manager, after.id, after.sequence, ['reminder']);
    const invitationSent = await this.ledger.registrationsSent(manager, after.id, 'invitation');
    await this.ledger.supersedeBefore(manager, after.id, after.sequence);
    const people = await this.registrations.audienceForEvent(manager, after.id);

    const pendingFor = groupByRegistration(pending);
    const previous = { ...previousEventPayload(before), ...alsoPrevious };
    const rows: PlannedNotification[] = [];
    for (const person of people) {
      const mine = pendingFor.get(person.id) ?? [];
      const first = mine.find((row) => isFirstMessage(row.kind, person.status));
      if (first) {
        // Not yet told of the event: the first message, read when sent, has the new details.
        rows.push(this.again(first, person, after, now));
      } else if (person.status === 'invited' && !invitationSent.has(person.id)) {
        // Invited, but the invitation was never sent (withdrawn when they unsubscribed, or it
        // failed): they have not heard of the event, so there is nothing to update.
        continue;
      } else {
        // The invite they hold is of the event as it was: an update moves it. Someone who had
        // not yet been sent the last update heard only of the time before that.
        const unsentUpdate = mine.find((row) => row.kind === 'update');
        // The worker derives their manage link when it sends: invited, waiting and promoted
        // people's updates link to their own page like everyone else's.
        rows.push(
          planned('update', person, after, now, {
            // What they heard before the unsent update wins: it is what they last heard of.
            payload: unsentUpdate ? { ...alsoPrevious, ...previousOnly(unsentUpdate.payload) } : previous,
          }),
        );
      }
      // Waiting people have no calendar item and no reminders (see the worker's currency check:
      // an update goes to them, without a calendar part, so they know the new time if promoted).
      if (person.status === 'confirmed') {
        rows.push(...reminderMessages(person, after, now));
      }
    }
    rows.push(...this.stillNeeded(pending, after, now));
    return this.ledger.plan(manager, rows);
  }

  /** Only the reminder offsets changed: drop reminders for offsets gone, plan new ones. */
  private async replanReminders(manager: EntityManager, event: EventEntity): Promise<DueNotification[]> {
    const now = this.clock.now();
    await this.ledger.supersedeRemindersNotIn(manager, event.id, event.reminderOffsets);
    const people = await this.registrations.audienceForEvent(manager, event.id);
    // Offsets kept already have their rows: the idempotency key skips them.
    const rows = people
      .filter((person) => person.status === 'confirmed')
      .flatMap((person) => reminderMessages(person, event, now));
    return this.ledger.plan(manager, rows);
  }

  private async planForCancel(
    manager: EntityManager,
    { before, after }: EventTransition,
  ): Promise<DueNotification[]> {
    // A draft was never in anyone's calendar or inbox.
    if (before.status !== 'published') return [];
    const now = this.clock.now();
    await this.ledger.supersedeBefore(manager, after.id, after.sequence);
    await this.accessTasks.cancelForEvent(manager, after.id);
    const people = await this.registrations.audienceForEvent(manager, after.id);
    const invitationSent = await this.ledger.registrationsSent(manager, after.id, 'invitation');
    const rows = people
      // Someone invited whose invitation never went (still pending, withdrawn when they
      // unsubscribed, or failed) never heard of the event: nothing to cancel.
      .filter((person) => person.status !== 'invited' || invitationSent.has(person.id))
      .map((person) =>
        planned('cancellation', person, after, now, {
          payload: { reason: after.cancelReason },
        }),
      );
    return this.ledger.plan(manager, rows);
  }

  /** A superseded row planned again at the new sequence, as it was, sent no earlier than now. */
  private again(
    row: PendingNotification,
    person: Pick<EventAudienceMember, 'id' | 'email' | 'calendarRevision'>,
    event: EventEntity,
    now: Date,
  ): PlannedNotification {
    return {
      ...planned(row.kind as NotificationKind, person, event, maxDate(row.sendAt, now), {
        payload: row.payload,
      }),
      idempotencyKey: `${row.idempotencyKey}@${event.sequence}`,
    };
  }

  /** Superseded rows of kinds not planned afresh (access-arranged, registration-cancelled…). */
  private stillNeeded(pending: PendingNotification[], event: EventEntity, now: Date): PlannedNotification[] {
    return pending
      .filter((row) => !plannedAfresh(row.kind) && row.registrationId !== null)
      .map((row) =>
        this.again(
          row,
          { id: row.registrationId!, email: row.recipientEmail, calendarRevision: 0 },
          event,
          now,
        ),
      );
  }
}

function groupByRegistration(rows: PendingNotification[]): Map<string, PendingNotification[]> {
  const grouped = new Map<string, PendingNotification[]>();
  for (const row of rows) {
    if (!row.registrationId) continue;
    grouped.set(row.registrationId, [...(grouped.get(row.registrationId) ?? []), row]);
  }
  return grouped;
}

/** The `previous…` keys of an update's payload. */
function previousOnly(payload: NotificationPayload): NotificationPayload {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => key.startsWith('previous')));
}

/** More places than before (no capacity at all means no limit). */
function capacityGrew(before: number | null, after: number | null): boolean {
  return before !== null && (after === null || after > before);
}

function sameOffsets(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((offset) => b.includes(offset));
}

function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}
