import request from 'supertest';
import {
  bearer,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
  slot,
  withClockAt,
} from '../../../../test/support/fixtures';
import { calendarOf } from '../../../../test/support/calendar-part';
import { manageTokenIn } from '../../../../test/support/manage-link-in-mail';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { csrfOf } from '../../../../test/support/page-html';
import { registerAndRead, registrationOf } from '../../../../test/support/registered';
import type { ReceivedMail, SmtpSink } from '../../../../test/support/smtp-sink';
import { ADMIN, type TestApi } from '../../../../test/support/test-app';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';

/**
 * People who phone or walk in (issue 12, point 6). Staff register someone on their behalf through
 * the public path (the same places, waiting list and emails, read here from a real SMTP sink via
 * the real worker), marked as staff-made and audited; and record walk-ins at the door, checked in
 * at once, counted in the attendance, emailed nothing.
 */
describe('registrations staff make: on behalf, and walk-ins', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let organiser: string;
  let organiserId: string;
  let day = 3;

  beforeAll(async () => {
    const options = followingTheWorker(TEST_JOB_POLICY);
    // One public registration a day per address: enough to see that staff-made ones do not count.
    world = await startApiWithWorker('staff-registrations', {
      ...options,
      env: { ...options.env, PUBLIC_REGISTRATIONS_PER_ADDRESS: '1' },
    });
    ({ api, sink } = world);
    organiser = await api.tokenFor('organiser');
    organiserId = (await request(api.http).get('/api/v1/auth/me').set(bearer(organiser))).body.id;
  });
  afterAll(() => world?.close());

  async function publishedEvent(capacity: number, onlineUrl?: string) {
    world.tick();
    const venue = await createVenue(api, organiser, { capacity: 100 });
    const times = slot(api, day++, 18);
    const event = await createEvent(api, organiser, {
      venueId: venue.id,
      capacity,
      ...(onlineUrl && { onlineUrl }),
      ...times,
    });
    await publishEvent(api, organiser, event.id);
    return { event, startsAt: new Date(times.startsAt) };
  }

  const onBehalf = (token: string, eventId: string, body: object) =>
    request(api.http).post(`/api/v1/events/${eventId}/registrations`).set(bearer(token)).send(body);
  const walkIn = (token: string, eventId: string, body: object) =>
    request(api.http).post(`/api/v1/events/${eventId}/walk-ins`).set(bearer(token)).send(body);

  /** The emails of one kind to an address, once there are `count`. */
  async function received(email: string, kind: string, count = 1): Promise<ReceivedMail[]> {
    const mails = async () => {
      const rows: Array<{ id: string }> = await api.dataSource.query(
        'SELECT id FROM notifications WHERE recipient_email = $1 AND kind = $2 ORDER BY created_at',
        [email, kind],
      );
      return rows.flatMap((row) => sink.for(row.id));
    };
    await eventually(
      `${count} ${kind} email(s) to ${email}`,
      async () => (await mails()).length >= count,
      60_000,
    );
    return mails();
  }

  /** The audit log's entries of one kind (signing in afresh: a test moved the clock). */
  async function auditEntries(action: string) {
    world.tick();
    const res = await request(api.http)
      .get('/api/v1/audit')
      .query({ action })
      .set(bearer((await request(api.http).post('/api/v1/auth/login').send(ADMIN)).body.token));
    expect(res.status).toBe(200);
    return res.body.items as Array<{ actorId: string; subjectId: string; detail: Record<string, unknown> }>;
  }

  /**
   * A staff page as the admin sees it. The cookies are Secure (PUBLIC_URL is https here), which
   * supertest's agent keeps to itself over http, so they are carried by hand.
   */
  async function staffPage(path: string): Promise<request.Response> {
    const jar = new Map<string, string>();
    const keep = (res: request.Response) => {
      for (const cookie of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    };
    const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    world.tick();
    const signIn = await request(api.http).get('/sign-in');
    keep(signIn);
    const signedIn = await request(api.http)
      .post('/sign-in')
      .set('Cookie', header())
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password, _csrf: csrfOf(signIn.text) });
    expect(signedIn.status).toBe(303);
    keep(signedIn);
    return request(api.http).get(path).set('Cookie', header());
  }

  it('registers someone who phoned with the public rules and emails, marked and audited as made by staff', async () => {
    const { event } = await publishedEvent(1);
    const ann = { name: 'Ann Phoned', email: 'Ann.Phoned@example.org', role: 'parent_carer' };

    world.tick();
    const first = await onBehalf(organiser, event.id, { ...ann, accessNeeds: ['bsl_interpreter'] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: ann.name,
      email: 'ann.phoned@example.org',
      status: 'confirmed',
      accessNeeds: ['bsl_interpreter'],
      registeredByUserId: organiserId,
      registeredVia: 'phone',
    });

    // The same place and waiting-list rules as the public: the one place is gone.
    world.tick();
    const ben = await onBehalf(organiser, event.id, {
      name: 'Ben Phoned',
      email: 'ben.phoned@example.org',
      role: 'educator',
    });
    expect(ben.body).toMatchObject({ status: 'waitlisted', registeredVia: 'phone' });
    const public_ = await registerAndRead(api, event.id, {
      name: 'Cleo Public',
      email: 'cleo.public@example.org',
      role: 'parent_carer',
    });
    expect(public_.body.status).toBe('waitlisted');

    // The confirmation reaches the person, with their own working manage link and the invite.
    const [confirmation] = await received('ann.phoned@example.org', 'confirmation');
    const token = manageTokenIn(confirmation!);
    expect(token).toBe((await registrationOf(api, event.id, ann.email)).manageToken);
    expect(calendarOf(confirmation!)).toMatchObject({ method: 'REQUEST', mimeMethod: 'REQUEST' });
    const manage = await request(api.http).get(`/api/v1/public/registrations/${token}`);
    expect(manage.body).toMatchObject({ name: ann.name, status: 'confirmed' });
    await received('ben.phoned@example.org', 'waitlisted');
    // Their access need becomes a task for the office, as for anyone.
    const [{ count: tasks }] = await api.dataSource.query(
      'SELECT count(*)::int AS count FROM access_tasks WHERE registration_id = $1',
      [first.body.id],
    );
    expect(tasks).toBe(1);

    // Staff are told plainly that an address is already registered, and nothing changes.
    world.tick();
    const again = await onBehalf(organiser, event.id, { ...ann, name: 'Someone Else' });
    expect(expectError(again, 409)).toMatch(
      /already has a registration for this event \(they have a place\)/,
    );
    expect((await registrationOf(api, event.id, ann.email)).status).toBe('confirmed');

    // Audited: who, what, which registration; ids only.
    const entries = await auditEntries('registration.on-behalf');
    const mine = entries.filter((entry) => entry.detail.eventId === event.id);
    expect(mine).toHaveLength(2);
    expect(mine.find((entry) => entry.subjectId === first.body.id)).toMatchObject({
      actorId: organiserId,
      detail: { eventId: event.id, status: 'confirmed', via: 'phone' },
    });
    expect(JSON.stringify(mine)).not.toMatch(/phoned@example|Ann/);

    // The staff list says who registered them, and how.
    const list = await staffPage(`/staff/events/${event.id}/registrations`);
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/Registered by [^<]+ \(by phone\)/);
    expect(list.text.match(/\(by phone\)/g)).toHaveLength(2);
    expect(list.text).toContain(`/staff/events/${event.id}/registrations/new`);
  }, 120_000);

  it('refuses bad input with a 400 naming each field, writing nothing', async () => {
    const { event } = await publishedEvent(5);
    const res = await onBehalf(organiser, event.id, { name: 'Ann 2 <b>', email: 'not-an-address' });
    const message = expectError(res, 400);
    expect(message).toMatch(/name/);
    expect(message).toMatch(/email/);
    expect(message).toMatch(/role/);
    const walk = await walkIn(organiser, event.id, { email: 'nope' });
    expect(expectError(walk, 400)).toMatch(/name[\s\S]*email|email[\s\S]*name/);
    const [{ count }] = await api.dataSource.query(
      'SELECT count(*)::int AS count FROM registrations WHERE event_id = $1',
      [event.id],
    );
    expect(count).toBe(0);
    // A draft or unknown event is not registered for.
    world.tick();
    const draft = await createEvent(api, organiser, slot(api, day++, 11));
    expectError(
      await onBehalf(organiser, draft.id, { name: 'Dee Draft', email: 'dee@example.org', role: 'other' }),
      404,
    );
  });

  it('records walk-ins on the day: attended at once, counted, emailed nothing, beyond capacity if need be', async () => {
    const { event, startsAt } = await publishedEvent(3);
    world.tick();
    const ann = await onBehalf(organiser, event.id, {
      name: 'Ann Booked',
      email: 'ann.booked@example.org',
      role: 'parent_carer',
    });
    expect(ann.body.status).toBe('confirmed');

    // Before the day, no one walks in.
    expectError(await walkIn(organiser, event.id, { name: 'Too Early' }), 409);

    const morning = new Date(startsAt);
    morning.setUTCHours(9, 0, 0, 0);
    const [sam, eve, fay, twice] = await withClockAt(api, morning, async (token) => [
      // No email: no placeholder, a null address.
      await walkIn(token, event.id, {
        name: 'Sam Walker',
        role: 'young_person',
        accessNeeds: ['quiet_room'],
      }),
      // An address given, but no mail: they did not ask for any. The last place goes to her.
      await walkIn(token, event.id, { name: 'Eve Walker', email: 'Eve.Walker@example.org' }),
      // Every place is taken: she is in the room all the same, recorded without one.
      await walkIn(token, event.id, { name: 'Fay Walker' }),
      // An address that already has a registration is told what it has.
      await walkIn(token, event.id, { name: 'Ann Again', email: 'ann.booked@example.org' }),
    ]);
    expect(sam.status).toBe(201);
    expect(sam.body).toMatchObject({
      name: 'Sam Walker',
      email: null,
      status: 'attended',
      attendedAt: morning.toISOString(),
      registeredVia: 'walk_in',
      overCapacity: false,
      accessNeeds: ['quiet_room'],
    });
    expect(eve.body).toMatchObject({
      email: 'eve.walker@example.org',
      status: 'attended',
      overCapacity: false,
    });
    expect(fay.body).toMatchObject({ status: 'attended', overCapacity: true });
    expect(expectError(twice, 409)).toMatch(/already has a registration .*they have a place.*check them in/);

    const [{ places_taken }] = await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [
      event.id,
    ]);
    expect(places_taken).toBe(3);
    // Nothing planned for a walk-in, and no access task: they are already there.
    const [{ planned }] = await api.dataSource.query(
      'SELECT count(*)::int AS planned FROM notifications WHERE registration_id = ANY($1)',
      [[sam.body.id, eve.body.id, fay.body.id]],
    );
    expect(planned).toBe(0);
    const [{ tasks }] = await api.dataSource.query(
      'SELECT count(*)::int AS tasks FROM access_tasks WHERE registration_id = $1',
      [sam.body.id],
    );
    expect(tasks).toBe(0);

    // Counted in the attendance, and on the list.
    const list = await request(api.http)
      .get(`/api/v1/events/${event.id}/registrations`)
      .set(bearer(organiser));
    expect(list.body.counts).toMatchObject({ confirmed: 1, attended: 3 });
    expect(list.body.items.map((item: { name: string }) => item.name)).toEqual(
      expect.arrayContaining(['Sam Walker', 'Eve Walker', 'Fay Walker']),
    );
    const after = new Date(startsAt.getTime() + 3 * 3_600_000);
    const report = await withClockAt(api, after, (token) =>
      request(api.http).get('/api/v1/reports/testimony').query({ eventId: event.id }).set(bearer(token)),
    );
    expect(report.body.events.items).toEqual([expect.objectContaining({ attended: 3 })]);

    // Audited, with ids and whether an address was given, never the name.
    const entries = (await auditEntries('registration.walk-in')).filter(
      (entry) => entry.detail.eventId === event.id,
    );
    expect(entries).toHaveLength(3);
    expect(entries.find((entry) => entry.subjectId === fay.body.id)?.detail).toMatchObject({
      withoutPlace: true,
      emailGiven: false,
    });

    // Removing a walk-in recorded by mistake frees the place it held, and only that.
    await withClockAt(api, morning, async (token) => {
      const undoEve = await request(api.http)
        .delete(`/api/v1/events/${event.id}/attendance/${eve.body.id}`)
        .set(bearer(token));
      expect(undoEve.body).toMatchObject({ undone: 1, attended: 2 });
      const undoFay = await request(api.http)
        .delete(`/api/v1/events/${event.id}/attendance/${fay.body.id}`)
        .set(bearer(token));
      expect(undoFay.body).toMatchObject({ undone: 1, attended: 1 });
    });
    const [{ places_taken: left }] = await api.dataSource.query(
      'SELECT places_taken FROM events WHERE id = $1',
      [event.id],
    );
    expect(left).toBe(2);
    // No mail went to the walk-in's address at any point.
    const [{ mailed }] = await api.dataSource.query(
      "SELECT count(*)::int AS mailed FROM notifications WHERE recipient_email = 'eve.walker@example.org'",
    );
    expect(mailed).toBe(0);
  }, 60_000);
  const placesTaken = async (eventId: string): Promise<number> =>
    (await api.dataSource.query('SELECT places_taken FROM events WHERE id = $1', [eventId]))[0].places_taken;

  it('registers someone on behalf at a hybrid event, online with companions and a phone, counting only in-person places', async () => {
    const { event } = await publishedEvent(1, 'https://meet.example.org/phoned-in');
    const hal = { name: 'Hal Hybrid', email: 'hal.hybrid@example.org', role: 'parent_carer' };

    // A hybrid event needs to know how they take part, as on the public form.
    world.tick();
    expect(expectError(await onBehalf(organiser, event.id, hal), 400)).toMatch(/attendance/);

    world.tick();
    const online = await onBehalf(organiser, event.id, {
      ...hal,
      attendance: 'online',
      companions: 2,
      phone: '07700 900456',
      accessNeeds: ['captions'],
    });
    expect(online.status).toBe(201);
    expect(online.body).toMatchObject({
      status: 'confirmed',
      attendance: 'online',
      companions: 2,
      partySize: 3,
      phone: '07700 900456',
      accessNeeds: ['captions'],
      registeredByUserId: organiserId,
      registeredVia: 'phone',
    });
    // Online, they and their companions take none of the room's places.
    expect(await placesTaken(event.id)).toBe(0);

    // Needs that do not fit how they take part are refused, as for the public.
    world.tick();
    const misfit = await onBehalf(organiser, event.id, {
      name: 'Ida Inperson',
      email: 'ida.inperson@example.org',
      role: 'educator',
      attendance: 'in_person',
      accessNeeds: ['captions'],
    });
    expectError(misfit, 400);

    world.tick();
    const inPerson = await onBehalf(organiser, event.id, {
      name: 'Ida Inperson',
      email: 'ida.inperson@example.org',
      role: 'educator',
      attendance: 'in_person',
      accessNeeds: ['step_free'],
    });
    expect(inPerson.body).toMatchObject({ status: 'confirmed', attendance: 'in_person', phone: null });
    expect(await placesTaken(event.id)).toBe(1);
    // The room is full: the next in person waits, and online still has room.
    world.tick();
    const late = await onBehalf(organiser, event.id, {
      name: 'Lou Late',
      email: 'lou.late@example.org',
      role: 'other',
      attendance: 'in_person',
    });
    expect(late.body.status).toBe('waitlisted');
    world.tick();
    const lateOnline = await onBehalf(organiser, event.id, {
      name: 'Lou Online',
      email: 'lou.online@example.org',
      role: 'other',
      attendance: 'online',
      companions: 1,
    });
    expect(lateOnline.body.status).toBe('confirmed');
    expect(await placesTaken(event.id)).toBe(1);
    await received('hal.hybrid@example.org', 'confirmation');
  }, 90_000);

  it('offers the place a removed walk-in frees to the waiting list, as a cancellation does', async () => {
    const { event, startsAt } = await publishedEvent(2);
    world.tick();
    const ann = await onBehalf(organiser, event.id, {
      name: 'Ann Early',
      email: 'ann.early@example.org',
      role: 'parent_carer',
    });
    expect(ann.body.status).toBe('confirmed');
    const morning = new Date(startsAt);
    morning.setUTCHours(9, 0, 0, 0);
    const { wes, wyn } = await withClockAt(api, morning, async (token) => {
      // The walk-in takes the last place; someone who phones that morning waits for one.
      const wes = await walkIn(token, event.id, { name: 'Wes Walker' });
      const wyn = await onBehalf(token, event.id, {
        name: 'Wyn Waiting',
        email: 'wyn.waiting@example.org',
        role: 'educator',
      });
      return { wes, wyn };
    });
    expect(wes.body).toMatchObject({ status: 'attended', overCapacity: false });
    expect(wyn.body.status).toBe('waitlisted');
    expect(await placesTaken(event.id)).toBe(2);

    // The walk-in was recorded by mistake: removing it gives its place to the person waiting.
    await withClockAt(api, morning, async (token) => {
      const undo = await request(api.http)
        .delete(`/api/v1/events/${event.id}/attendance/${wes.body.id}`)
        .set(bearer(token));
      expect(undo.body).toMatchObject({ undone: 1, attended: 0, notYetAttended: 2 });
    });
    expect((await registrationOf(api, event.id, 'wyn.waiting@example.org')).status).toBe('confirmed');
    expect(await placesTaken(event.id)).toBe(2);
    // And they are told, as when someone cancels.
    const [promoted] = await received('wyn.waiting@example.org', 'promoted');
    expect(promoted).toBeDefined();
  }, 90_000);

  it('does not count registrations staff made toward the address’s public daily limit', async () => {
    const email = 'often.phones@example.org';
    const events = [
      await publishedEvent(5),
      await publishedEvent(5),
      await publishedEvent(5),
      await publishedEvent(5),
    ];
    // Staff register them twice by phone (walk-ins are staff-made too, and left out the same way).
    for (const { event } of events.slice(0, 2)) {
      world.tick();
      const made = await onBehalf(organiser, event.id, { name: 'Olive Often', email, role: 'parent_carer' });
      expect(made.body.status).toBe('confirmed');
    }

    // PUBLIC_REGISTRATIONS_PER_ADDRESS is 1 here: their own first registration is still made…
    world.tick();
    const own = await registerAndRead(api, events[2]!.event.id, {
      name: 'Olive Often',
      email,
      role: 'parent_carer',
    });
    expect(own.body.status).toBe('confirmed');

    // …and the limit still holds for what the public does: a second one the same day is not.
    world.tick();
    const second = await request(api.http)
      .post(`/api/v1/public/events/${events[3]!.event.id}/registrations`)
      .send({ name: 'Olive Often', email, role: 'parent_carer' });
    expect(second.status).toBe(202);
    const [{ count }] = await api.dataSource.query(
      'SELECT count(*)::int AS count FROM registrations WHERE event_id = $1 AND email = $2',
      [events[3]!.event.id, email],
    );
    expect(count).toBe(0);
  }, 90_000);
});
