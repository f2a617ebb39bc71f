import type { EventEntity } from '@roundtable/events';
import { NOTIFICATION_JOBS, Notification } from '@roundtable/notifications';
import { AccessTask, AccessTasksService, type Registration } from '@roundtable/registrations';
import {
  createNotificationTestBed,
  eventually,
  type NotificationTestBed,
} from '../../../../test/support/notification-test-bed';
import {
  allSettled,
  ledgerRow,
  plan,
  plannedFor,
  seedEvent,
  seedRegistration,
} from '../../../../test/support/notification-seed';
import { LateAccessTasksAlerter } from './late-access-tasks-alerter';

const DAY = 86_400_000;

/**
 * Access needs, end to end through the worker and a real SMTP server: the attendee hears once
 * that their need is arranged; staff hear once per event, with no one's personal data, when
 * needs are late.
 */
describe('access task notifications', () => {
  let bed: NotificationTestBed;
  let accessTasks: AccessTasksService;
  let alerter: LateAccessTasksAlerter;

  beforeAll(async () => {
    bed = await createNotificationTestBed('access-task-notifications');
    accessTasks = bed.first.app.get(AccessTasksService);
    alerter = bed.first.app.get(LateAccessTasksAlerter);
  });
  afterAll(() => bed?.close());

  function seedTask(
    registration: Registration,
    need: string,
    overrides: Partial<AccessTask> = {},
  ): Promise<AccessTask> {
    return bed.dataSource.getRepository(AccessTask).save({
      eventId: registration.eventId,
      registrationId: registration.id,
      need,
      status: 'open' as const,
      dueAt: new Date(Date.now() + 3 * DAY),
      ...overrides,
    });
  }

  const rowsOfKind = (kind: string, eventId: string) =>
    bed.dataSource
      .getRepository(Notification)
      .find({ where: { kind, eventId }, order: { createdAt: 'ASC' } });

  it('sends the attendee one email when their need is arranged, with the note and their private link', async () => {
    const event = await seedEvent(bed.dataSource);
    const { registration, manageToken } = await seedRegistration(bed.dataSource, event, 'confirmed', {
      accessNeeds: ['bsl_interpreter'],
    });
    // The confirmation is not yet due; the arranged email links all the same (derived when sent).
    await plan(
      bed,
      [
        plannedFor('confirmation', event, registration, {
          sendAt: new Date(Date.now() + DAY),
        }),
      ],
      { enqueue: false },
    );
    const task = await seedTask(registration, 'bsl_interpreter');
    const note = 'Alex, your interpreter, will meet you at the door.';
    const first = await accessTasks.arrange(task.id, note);
    const second = await accessTasks.arrange(task.id, note);
    expect([first.changed, second.changed]).toEqual([true, false]);

    const rows = await rowsOfKind('access-arranged', event.id);
    expect(rows).toHaveLength(1);
    await eventually('the access-arranged email sent', () => allSettled(bed, [rows[0].id]));
    expect(await ledgerRow(bed, rows[0].id)).toMatchObject({ status: 'sent', attempts: 1 });
    const mails = bed.sink.for(rows[0].id);
    expect(mails).toHaveLength(1);
    const text = mails[0].parsed.text ?? '';
    expect(mails[0].envelopeTo).toEqual([registration.email]);
    expect(mails[0].parsed.subject).toBe(
      `We have arranged a British Sign Language (BSL) interpreter for you: ${event.title}`,
    );
    expect(text).toContain(note);
    expect(text).toContain(`https://roundtable.test/manage/${manageToken}`);
  });

  describe('late tasks', () => {
    let withCreator: EventEntity;
    let withoutCreator: EventEntity;
    let cancelled: EventEntity;
    const people: Registration[] = [];
    const organiser = 'olu.organiser@roundtable.test';

    beforeAll(async () => {
      const [user] = await bed.dataSource.query(
        "INSERT INTO users (email, name, role) VALUES ($1, 'Olu Organiser', 'organiser') RETURNING id",
        [organiser],
      );
      withCreator = await seedEvent(bed.dataSource, { createdById: user.id });
      withoutCreator = await seedEvent(bed.dataSource);
      cancelled = await seedEvent(bed.dataSource, { status: 'cancelled', cancelReason: 'Flood.' });
      const late = { dueAt: new Date(Date.now() - DAY) };
      for (const event of [withCreator, withCreator, withoutCreator, cancelled]) {
        people.push((await seedRegistration(bed.dataSource, event)).registration);
      }
      await seedTask(people[0], 'bsl_interpreter', late);
      await seedTask(people[0], 'childcare', { dueAt: new Date(Date.now() - 2 * DAY) });
      await seedTask(people[1], 'quiet_room', late);
      // Not late yet, or arranged in time: not mentioned.
      await seedTask(people[1], 'dietary');
      await seedTask(people[1], 'large_print', { ...late, status: 'arranged', arrangedAt: new Date() });
      await seedTask(people[2], 'step_free', late);
      await seedTask(people[3], 'childcare', late);
    });

    it('is checked on a schedule', async () => {
      const scheduler = await bed.queue.getJobScheduler(NOTIFICATION_JOBS.alertLateAccessTasks);
      expect(scheduler).toMatchObject({ name: NOTIFICATION_JOBS.alertLateAccessTasks });
    });

    it('sends one email per event to its creator, else the office, naming needs and dates but no one', async () => {
      await alerter.handle();
      const [toCreator] = await rowsOfKind('access-tasks-late', withCreator.id);
      const [toOffice] = await rowsOfKind('access-tasks-late', withoutCreator.id);
      expect(await rowsOfKind('access-tasks-late', cancelled.id)).toEqual([]);
      expect(toCreator).toMatchObject({ registrationId: null, recipientEmail: organiser });
      expect(toOffice).toMatchObject({ registrationId: null, recipientEmail: 'office@roundtable.test' });
      await eventually('both alerts sent', () => allSettled(bed, [toCreator.id, toOffice.id]));

      const [mail] = bed.sink.for(toCreator.id);
      expect(bed.sink.for(toCreator.id)).toHaveLength(1);
      expect(mail.envelopeTo).toEqual([organiser]);
      expect(mail.parsed.subject).toBe(`Late: 3 access needs are not arranged for ${withCreator.title}`);
      const text = mail.parsed.text ?? '';
      for (const need of ['A British Sign Language (BSL) interpreter', 'Childcare', 'A quiet room']) {
        expect(text).toContain(need);
      }
      expect(text).not.toContain('Food for a special diet');
      expect(text).not.toContain('Large print');
      expect(text).toContain(`https://roundtable.test/staff/events/${withCreator.id}`);
      // Email is not private enough for who needs what.
      for (const person of people) {
        expect(mail.raw).not.toContain(person.name);
        expect(mail.raw).not.toContain(person.email);
      }
      expect(bed.sink.for(toOffice.id)[0].parsed.text).toContain('Step-free access');

      const alerted = await bed.dataSource.query(
        'SELECT count(*)::int AS n FROM access_tasks WHERE late_alerted_at IS NOT NULL',
      );
      expect(alerted[0].n).toBe(4);
    });

    it('does not alert a task twice', async () => {
      await alerter.handle();
      await alerter.handle();
      expect(await rowsOfKind('access-tasks-late', withCreator.id)).toHaveLength(1);
      expect(await rowsOfKind('access-tasks-late', withoutCreator.id)).toHaveLength(1);
    });

    it('alerts again for a task that becomes late later, in its own email', async () => {
      await bed.dataSource
        .getRepository(AccessTask)
        .update({ registrationId: people[1].id, need: 'dietary' }, { dueAt: new Date(Date.now() - 1000) });
      await alerter.handle();
      const rows = await rowsOfKind('access-tasks-late', withCreator.id);
      expect(rows).toHaveLength(2);
      await eventually('the new alert sent', () => allSettled(bed, [rows[1].id]));
      const text = bed.sink.for(rows[1].id)[0].parsed.text ?? '';
      expect(text).toContain('Food for a special diet');
      expect(text).not.toContain('Childcare');
    });

    it('sends nothing when the tasks were arranged meanwhile, or the event was cancelled', async () => {
      const event = await seedEvent(bed.dataSource);
      const { registration } = await seedRegistration(bed.dataSource, event);
      const task = await seedTask(registration, 'childcare', { status: 'arranged', arrangedAt: new Date() });
      const cancelledTask = await bed.dataSource.getRepository(AccessTask).findOneByOrFail({
        registrationId: people[3].id,
      });
      const staffRow = (target: Pick<EventEntity, 'id' | 'sequence'>, taskId: string) => ({
        kind: 'access-tasks-late' as const,
        eventId: target.id,
        eventSequence: target.sequence,
        registrationId: null,
        recipientEmail: 'office@roundtable.test',
        sendAt: new Date(),
        idempotencyKey: `access-tasks-late:${target.id}:test-${taskId}`,
        payload: { taskIds: [taskId] },
      });
      const rows = await plan(bed, [staffRow(event, task.id), staffRow(cancelled, cancelledTask.id)]);
      await eventually('both settled', () =>
        allSettled(
          bed,
          rows.map((row) => row.id),
        ),
      );
      for (const row of rows) {
        expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'superseded' });
        expect(bed.sink.for(row.id)).toEqual([]);
      }
    });
  });
});
