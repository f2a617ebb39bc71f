import request from 'supertest';
import { bearer, createEvent, publishEvent, slot } from '../../../../test/support/fixtures';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { calendarOf } from '../../../../test/support/calendar-part';
import type { SmtpSink, ReceivedMail } from '../../../../test/support/smtp-sink';
import { manageTokenIn } from '../../../../test/support/manage-link-in-mail';
import { registerAndRead } from '../../../../test/support/registered';
import { type TestApi } from '../../../../test/support/test-app';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';

/**
 * From one end to the other: the real api takes the requests, the real worker (its module, in
 * this process, on the same config: database, Redis prefix, SMTP) sends what they planned, and an
 * SMTP sink receives it. The worker keeps the real clock.
 * The api's clock is set to the real time before each request, so the worker's delays hold.
 */
describe('event announcements, delivered', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let staff: string;

  beforeAll(async () => {
    world = await startApiWithWorker('announcements-delivery', followingTheWorker(TEST_JOB_POLICY));
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => world?.close());

  async function onlineEvent(overrides: Record<string, unknown>) {
    world.tick();
    const event = await createEvent(api, staff, overrides);
    await publishEvent(api, staff, event.id);
    return event as { id: string; startsAt: string; endsAt: string };
  }

  const register = async (eventId: string, email: string) => {
    world.tick();
    const res = await registerAndRead(api, eventId, { name: 'Sam Carer', email, role: 'parent_carer' });
    expect(res.status).toBe(202);
    return res.body;
  };

  const giveUp = async (token: string) => {
    world.tick();
    const res = await request(api.http).delete(`/api/v1/public/registrations/${token}`);
    expect(res.status).toBe(200);
  };

  const patch = async (id: string, body: Record<string, unknown>) => {
    world.tick();
    const res = await request(api.http).patch(`/api/v1/events/${id}`).set(bearer(staff)).send(body);
    expect(res.status).toBe(200);
    return res.body;
  };

  /** Ledger rows of one kind to one address, oldest first. */
  const rowsFor = (
    email: string,
    kind: string,
  ): Promise<Array<{ id: string; status: string; event_sequence: number }>> =>
    api.dataSource.query(
      'SELECT id, status, event_sequence FROM notifications WHERE recipient_email = $1 AND kind = $2 ORDER BY created_at, send_at',
      [email, kind],
    );

  const mailsFor = async (email: string, kind: string) =>
    (await rowsFor(email, kind)).flatMap((row) => sink.for(row.id));

  /** Waits for the `count`th message of a kind to an address, and returns them all. */
  async function received(email: string, kind: string, count = 1): Promise<ReceivedMail[]> {
    await eventually(
      `${count} ${kind} message(s)`,
      async () => (await mailsFor(email, kind)).length >= count,
    );
    return mailsFor(email, kind);
  }

  /**
   * Once every row of the event due by now is finished: each sent row reached the sink exactly
   * once, and no superseded row reached it at all.
   */
  async function expectEachSentOnce(eventId: string): Promise<void> {
    const due = () =>
      api.dataSource.query<Array<{ id: string; status: string }>>(
        'SELECT id, status FROM notifications WHERE event_id = $1 AND send_at <= now()',
        [eventId],
      );
    await eventually('the due rows to be finished', async () =>
      (await due()).every((row) => row.status === 'sent' || row.status === 'superseded'),
    );
    for (const row of await due()) {
      expect({ row: row.id, mails: sink.for(row.id).length }).toEqual({
        row: row.id,
        mails: row.status === 'sent' ? 1 : 0,
      });
    }
  }

  it('a reschedule updates the calendar item the confirmation added; a cancel removes it', async () => {
    const event = await onlineEvent({ ...slot(api, 12), capacity: 1 });
    const email = 'reschedule.flow@example.org';
    const waiter = 'waiting.flow@example.org';
    const person = await register(event.id, email);
    expect((await register(event.id, waiter)).status).toBe('waitlisted');
    await received(waiter, 'waitlisted');

    const [confirmation] = await received(email, 'confirmation');
    const added = calendarOf(confirmation)!;
    expect(added).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      start: new Date(event.startsAt),
    });
    expect(added.uid).toBe(`rt-${event.id}-${person.id}@roundtable`);

    const moved = slot(api, 13, 14);
    expect(await patch(event.id, moved)).toMatchObject({ rescheduled: true, sequence: 1 });
    const [update] = await received(email, 'update');
    expect(calendarOf(update)).toMatchObject({
      method: 'REQUEST',
      uid: added.uid,
      sequence: 1,
      start: new Date(moved.startsAt),
    });
    expect(update.parsed.text).toContain('Old time:');
    // The worker derived the person's link: the update links to their manage page.
    expect(manageTokenIn(update)).toBe(person.manageToken);
    // Someone waiting hears of the move too, with no calendar item: they were never sent one.
    const [waiterUpdate] = await received(waiter, 'update');
    expect(calendarOf(waiterUpdate)).toBeNull();
    expect(waiterUpdate.parsed.text).toContain('You are still on the waiting list.');

    world.tick();
    const cancelled = await request(api.http)
      .post(`/api/v1/events/${event.id}/cancel`)
      .set(bearer(staff))
      .send({ reason: 'The library has flooded.' });
    expect(cancelled.status).toBe(200);
    const [cancellation] = await received(email, 'cancellation');
    expect(calendarOf(cancellation)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: added.uid,
      sequence: 2,
    });
    expect(cancellation.parsed.text).toContain('The library has flooded.');
    expect(calendarOf((await received(waiter, 'cancellation'))[0])).toBeNull();

    await expectEachSentOnce(event.id);
    expect(await mailsFor(email, 'confirmation')).toHaveLength(1);
    expect(await mailsFor(email, 'update')).toHaveLength(1);
    expect(await mailsFor(email, 'cancellation')).toHaveLength(1);
    expect(await mailsFor(waiter, 'update')).toHaveLength(1);
    expect(await mailsFor(waiter, 'cancellation')).toHaveLength(1);
    // Every reminder was superseded, none sent.
    expect((await rowsFor(email, 'reminder')).map((row) => row.status)).toEqual(Array(6).fill('superseded'));
  });

  it('sends a due reminder once; after a reschedule the old reminders stay unsent and the new one goes', async () => {
    world.tick();
    const startsAt = new Date(Math.ceil((Date.now() + 3_600_000 + 8_000) / 1000) * 1000);
    const event = await onlineEvent({
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      // The first is due in a few seconds; the second not for ten minutes.
      reminderOffsets: ['PT1H', 'PT50M'],
    });
    const email = 'reminder.flow@example.org';
    const person = await register(event.id, email);
    const [first] = await received(email, 'reminder');
    expect(calendarOf(first)).toMatchObject({ method: 'REQUEST', sequence: 0 });
    // Reminders link to the person's manage page.
    expect(manageTokenIn(first)).toBe(person.manageToken);
    const [sent, waiting] = await rowsFor(email, 'reminder');
    expect(sent.status).toBe('sent');
    expect(waiting.status).toBe('pending');

    world.tick();
    const newStart = new Date(Math.ceil((Date.now() + 3_600_000 + 6_000) / 1000) * 1000);
    expect(
      await patch(event.id, {
        startsAt: newStart.toISOString(),
        endsAt: new Date(newStart.getTime() + 7_200_000).toISOString(),
      }),
    ).toMatchObject({ rescheduled: true, sequence: 1 });

    const reminders = await received(email, 'reminder', 2);
    expect(reminders).toHaveLength(2);
    expect(calendarOf(reminders[1])).toMatchObject({ sequence: 1, start: newStart });
    expect(manageTokenIn(reminders[1])).toBe(person.manageToken);
    await received(email, 'update');

    const rows = await rowsFor(email, 'reminder');
    expect(rows.map((row) => [row.event_sequence, row.status])).toEqual([
      [0, 'sent'],
      [0, 'superseded'],
      [1, 'sent'],
      [1, 'pending'],
    ]);
    expect(sink.for(rows[1].id)).toHaveLength(0);
    await expectEachSentOnce(event.id);
  });

  it('a personal cancel removes the item from that calendar, promotes the next, and a return outranks it', async () => {
    const event = await onlineEvent({ ...slot(api, 15), capacity: 1 });
    const ann = 'ann.cancels@example.org';
    const ben = 'ben.waits@example.org';
    const annFirst = await register(event.id, ann);
    const benFirst = await register(event.id, ben);
    expect([annFirst.status, benFirst.status]).toEqual(['confirmed', 'waitlisted']);
    const annUid = calendarOf((await received(ann, 'confirmation'))[0])!.uid;
    await received(ben, 'waitlisted');

    await giveUp(annFirst.manageToken);
    const [cancelled] = await received(ann, 'registration-cancelled');
    expect(calendarOf(cancelled)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: annUid,
      sequence: 1,
    });
    expect(cancelled.parsed.text).toContain('You have cancelled your place');
    const [promoted] = await received(ben, 'promoted');
    expect(calendarOf(promoted)).toMatchObject({
      method: 'REQUEST',
      uid: `rt-${event.id}-${benFirst.id}@roundtable`,
      sequence: 0,
    });

    // Ann registers again: her row is not changed, she is emailed her own link, and comes back
    // through it (to the waiting list: Ben has the place). Then Ben gives his place up.
    const annAgain = await register(event.id, ann);
    expect(annAgain).toMatchObject({ id: annFirst.id, status: 'cancelled' });
    const [linkAgain] = await received(ann, 'manage-link');
    expect(linkAgain.parsed.text).toContain('You cancelled your place before');
    const annLink = manageTokenIn(linkAgain);
    expect(annLink).toBe(annFirst.manageToken);
    world.tick();
    const back = await request(api.http)
      .patch(`/api/v1/public/registrations/${annLink}`)
      .send({ response: 'accept' });
    expect(back.body).toMatchObject({ id: annFirst.id, status: 'waitlisted' });
    await received(ann, 'waitlisted');
    await giveUp(benFirst.manageToken);
    await received(ben, 'registration-cancelled');
    const [annPromoted] = await received(ann, 'promoted');
    // Same UID as before, and a SEQUENCE above the CANCEL her calendar last got.
    expect(calendarOf(annPromoted)).toMatchObject({ method: 'REQUEST', uid: annUid, sequence: 2 });

    await expectEachSentOnce(event.id);
    for (const [email, kind] of [
      [ann, 'confirmation'],
      [ann, 'registration-cancelled'],
      [ann, 'waitlisted'],
      [ann, 'promoted'],
      [ben, 'waitlisted'],
      [ben, 'promoted'],
      [ben, 'registration-cancelled'],
    ]) {
      expect({ email, kind, mails: (await mailsFor(email, kind)).length }).toEqual({ email, kind, mails: 1 });
    }
  });
});
