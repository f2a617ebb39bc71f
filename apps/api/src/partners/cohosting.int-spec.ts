import ICAL from 'ical.js';
import request from 'supertest';
import { bearer, createEvent, expectError, publishEvent, slot } from '../../../../test/support/fixtures';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { approvedPartner, type SignedInPartner } from '../../../../test/support/partner-user';
import { registerAndRead } from '../../../../test/support/registered';
import type { ReceivedMail, SmtpSink } from '../../../../test/support/smtp-sink';
import type { TestApi } from '../../../../test/support/test-app';

/**
 * Co-hosting from one end to the other against real Postgres, Redis and SMTP, with the real
 * worker: staff add and remove co-hosts; a partner asks, staff are emailed, accept or decline,
 * the partner is emailed; a co-host added after someone registered is an event update whose
 * calendar invite has a higher SEQUENCE and names the co-host.
 */
describe('co-hosting', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let staff: string;
  let admin: string;
  let charity: SignedInPartner;
  let forum: SignedInPartner;

  beforeAll(async () => {
    world = await startApiWithWorker('cohosting', followingTheWorker(TEST_JOB_POLICY));
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
    admin = await api.tokenFor('admin');
    charity = await approvedPartner(api, 'Halesowen Carers Trust');
    forum = await approvedPartner(api, 'Dudley Parent Carer Forum');
  });
  afterAll(() => world?.close());

  async function publishedEvent(days = 12): Promise<{ id: string; title: string }> {
    world.tick();
    const event = await createEvent(api, staff, slot(api, days));
    await publishEvent(api, staff, event.id);
    return event;
  }

  /** Ledger rows of one kind to one address, oldest first, and the mail each was sent as. */
  const rowsFor = (email: string, kind: string): Promise<Array<{ id: string; status: string }>> =>
    api.dataSource.query(
      'SELECT id, status FROM notifications WHERE recipient_email = $1 AND kind = $2 ORDER BY created_at',
      [email, kind],
    );
  async function received(email: string, kind: string, count = 1): Promise<ReceivedMail[]> {
    const mails = async () => (await rowsFor(email, kind)).flatMap((row) => sink.for(row.id));
    await eventually(`${count} ${kind} message(s) to ${email}`, async () => (await mails()).length >= count);
    return mails();
  }

  const addCohost = (eventId: string, partnerId: string, token = staff) => {
    world.tick();
    return request(api.http).post(`/api/v1/events/${eventId}/cohosts`).set(bearer(token)).send({ partnerId });
  };
  const ask = (eventId: string, token = charity.token, message = 'Our members are parent carers here.') => {
    world.tick();
    return request(api.http)
      .post('/api/v1/partner/cohost-requests')
      .set(bearer(token))
      .send({ eventId, message });
  };
  const audit = (action: string): Promise<Array<{ actor_id: string; detail: Record<string, string> }>> =>
    api.dataSource.query('SELECT actor_id, detail FROM audit_log WHERE action = $1 ORDER BY at', [action]);

  it('lets staff add and remove co-hosts, named in the staff and public JSON, each change audited', async () => {
    const event = await publishedEvent();
    const added = await addCohost(event.id, charity.partnerId);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      changed: true,
      cohosts: [{ id: charity.partnerId, name: 'Halesowen Carers Trust' }],
    });
    // Adding it again changes nothing and says so, with the same status.
    const again = await addCohost(event.id, charity.partnerId);
    expect(again.status).toBe(201);
    expect(again.body.changed).toBe(false);

    const listed = await request(api.http).get(`/api/v1/events/${event.id}/cohosts`).set(bearer(staff));
    expect(listed.body).toEqual([{ id: charity.partnerId, name: 'Halesowen Carers Trust' }]);
    const staffView = await request(api.http).get(`/api/v1/events/${event.id}`).set(bearer(staff));
    expect(staffView.body.cohosts).toEqual(listed.body);
    const publicView = await request(api.http).get(`/api/v1/public/events/${event.id}`);
    expect(publicView.body.cohosts).toEqual(listed.body);
    const publicList = await request(api.http).get('/api/v1/public/events?limit=200');
    expect(publicList.body.items.find((item: { id: string }) => item.id === event.id).cohosts).toEqual(
      listed.body,
    );
    const page = await request(api.http).get(`/events/${event.id}`);
    expect(page.text).toContain('Hosted with Halesowen Carers Trust');

    world.tick();
    const removed = await request(api.http)
      .delete(`/api/v1/events/${event.id}/cohosts/${charity.partnerId}`)
      .set(bearer(staff));
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ changed: true, cohosts: [] });
    expect(
      expectError(
        await request(api.http)
          .delete(`/api/v1/events/${event.id}/cohosts`)
          .set(bearer(staff))
          .send({ partnerId: charity.partnerId }),
        404,
      ),
    ).toContain('does not co-host');

    const adds = (await audit('cohost.add')).filter((row) => row.detail.eventId === event.id);
    const removes = (await audit('cohost.remove')).filter((row) => row.detail.eventId === event.id);
    expect(adds).toEqual([
      { actor_id: expect.any(String), detail: { eventId: event.id, partnerId: charity.partnerId } },
    ]);
    expect(removes).toHaveLength(1);
  });

  it('refuses to name a partner that does not exist or is not approved, saying which', async () => {
    const event = await publishedEvent();
    expect(expectError(await addCohost(event.id, '00000000-0000-4000-8000-000000000000'), 400)).toContain(
      'does not match any partner organisation',
    );
    const [{ id: pending }] = await api.dataSource.query(
      `INSERT INTO partners (name, contact_name, contact_email, description, status)
       VALUES ('Waiting Charity', 'Pat', 'waiting-charity@partner.test', 'Helps', 'pending') RETURNING id`,
    );
    expect(expectError(await addCohost(event.id, pending), 400)).toContain('only approved partner');
    expect(expectError(await addCohost(event.id, 'not-a-uuid'), 400)).toContain('partnerId');
    expectError(await addCohost('00000000-0000-4000-8000-000000000000', charity.partnerId), 404);
    const [{ count }] = await api.dataSource.query(
      'SELECT count(*)::int AS count FROM event_cohosts WHERE event_id = $1',
      [event.id],
    );
    expect(count).toBe(0);
  });

  it('request → staff emailed → accept → partner emailed, co-host listed; asking again is a 409', async () => {
    const event = await publishedEvent();
    const asked = await ask(event.id);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ eventId: event.id, partnerId: charity.partnerId, status: 'pending' });
    expect(expectError(await ask(event.id), 409)).toContain('already asked');

    const [toStaff] = await received('admin@roundtable.test', 'cohost-requested');
    expect(toStaff.parsed.subject).toBe(`Halesowen Carers Trust asked to co-host ${event.title}`);
    expect(toStaff.parsed.text).toContain('Our members are parent carers here.');
    expect(toStaff.parsed.text).toContain('https://roundtable.test/staff/cohost-requests');

    const pending = await request(api.http).get('/api/v1/cohost-requests?status=pending').set(bearer(staff));
    expect(pending.body.items.map((item: { id: string }) => item.id)).toContain(asked.body.id);

    world.tick();
    const accepted = await request(api.http)
      .post(`/api/v1/cohost-requests/${asked.body.id}/accept`)
      .set(bearer(admin));
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expectError(
      await request(api.http)
        .post(`/api/v1/cohost-requests/${asked.body.id}/decline`)
        .set(bearer(admin))
        .send({}),
      409,
    );

    const [toPartner] = await received(charity.email, 'cohost-accepted');
    expect(toPartner.parsed.subject).toBe(`You are now co-hosting ${event.title}`);
    const cohosts = await request(api.http).get(`/api/v1/public/events/${event.id}`);
    expect(cohosts.body.cohosts).toEqual([{ id: charity.partnerId, name: 'Halesowen Carers Trust' }]);
    expect(expectError(await ask(event.id), 409)).toContain('already co-hosts');

    const own = await request(api.http).get('/api/v1/partner/cohost-requests').set(bearer(charity.token));
    expect(own.body.items.find((item: { id: string }) => item.id === asked.body.id).status).toBe('accepted');
    const theirs = await request(api.http).get('/api/v1/partner/cohost-requests').set(bearer(forum.token));
    expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(asked.body.id);
    expect((await audit('cohost-request.accept')).map((row) => row.detail)).toContainEqual({
      eventId: event.id,
      partnerId: charity.partnerId,
    });
  });

  it('declines with a reason, which the partner is emailed', async () => {
    const event = await publishedEvent();
    const asked = await ask(event.id, forum.token);
    expect(asked.status).toBe(201);
    world.tick();
    const declined = await request(api.http)
      .post(`/api/v1/cohost-requests/${asked.body.id}/decline`)
      .set(bearer(staff))
      .send({ reason: 'A local forum already co-hosts it.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: 'A local forum already co-hosts it.',
    });
    const [mail] = await received(forum.email, 'cohost-declined');
    expect(mail.parsed.text).toContain('A local forum already co-hosts it.');
    // Having been declined, the partner may ask again.
    expect((await ask(event.id, forum.token)).status).toBe(201);
    expect((await audit('cohost-request.decline')).map((row) => row.detail)).toContainEqual({
      eventId: event.id,
      partnerId: forum.partnerId,
    });
  });

  it('sends everyone registered an update naming a co-host added later, its invite a higher SEQUENCE', async () => {
    const event = await publishedEvent();
    world.tick();
    const email = 'cohost.update@example.org';
    const registered = await registerAndRead(api, event.id, {
      name: 'Sam Carer',
      email,
      role: 'parent_carer',
    });
    expect(registered.status).toBe(202);
    const [confirmation] = await received(email, 'confirmation');
    const first = veventOf(confirmation);

    expect((await addCohost(event.id, forum.partnerId)).status).toBe(201);
    const [update] = await received(email, 'update');
    expect(update.parsed.text).toContain('Now co-hosted with Dudley Parent Carer Forum.');
    expect(update.parsed.text).toContain('with Dudley Parent Carer Forum');
    const updated = veventOf(update);
    expect(updated.uid).toBe(first.uid);
    expect(updated.sequence).toBeGreaterThan(first.sequence);
    expect(updated.description).toContain('with Dudley Parent Carer Forum');
    // The pending reminders were planned again at the new sequence, not left stale.
    const reminders: Array<{ status: string; event_sequence: number }> = await api.dataSource.query(
      "SELECT status, event_sequence FROM notifications WHERE recipient_email = $1 AND kind = 'reminder'",
      [email],
    );
    expect(reminders.filter((row) => row.status === 'pending').every((row) => row.event_sequence === 1)).toBe(
      true,
    );
  });

  describe('authorisation and bad input', () => {
    let eventId: string;
    beforeAll(async () => {
      eventId = (await publishedEvent()).id;
    });

    it('is 401 without a token', async () => {
      for (const call of [
        request(api.http).get(`/api/v1/events/${eventId}/cohosts`),
        request(api.http).post(`/api/v1/events/${eventId}/cohosts`).send({ partnerId: charity.partnerId }),
        request(api.http).get('/api/v1/cohost-requests'),
        request(api.http).post('/api/v1/partner/cohost-requests').send({ eventId, message: 'Hello' }),
        request(api.http).get('/api/v1/partner/cohost-requests'),
      ])
        expectError(await call, 401);
    });

    it('is 403 for a partner on the staff routes, and for staff on the partner routes', async () => {
      const token = charity.token;
      expectError(await request(api.http).get(`/api/v1/events/${eventId}/cohosts`).set(bearer(token)), 403);
      expectError(await addCohost(eventId, charity.partnerId, token), 403);
      expectError(await request(api.http).get('/api/v1/cohost-requests').set(bearer(token)), 403);
      expectError(
        await request(api.http)
          .post('/api/v1/cohost-requests/00000000-0000-4000-8000-000000000000/accept')
          .set(bearer(token)),
        403,
      );
      expectError(await ask(eventId, staff), 403);
      expectError(await request(api.http).get('/api/v1/partner/cohost-requests').set(bearer(admin)), 403);
    });

    it("is 404 for a partner's request about an unknown or draft event, 409 for a cancelled one", async () => {
      expect(expectError(await ask('00000000-0000-4000-8000-000000000000'), 404)).toContain(
        'no published event',
      );
      world.tick();
      const draft = await createEvent(api, staff, slot(api, 30));
      expectError(await ask(draft.id), 404);
      const cancelled = await publishedEvent(31);
      world.tick();
      await request(api.http)
        .post(`/api/v1/events/${cancelled.id}/cancel`)
        .set(bearer(staff))
        .send({ reason: 'The hall is closed.' })
        .expect(200);
      expect(expectError(await ask(cancelled.id), 409)).toContain('cancelled');
      expectError(
        await request(api.http)
          .post('/api/v1/cohost-requests/00000000-0000-4000-8000-000000000000/accept')
          .set(bearer(staff)),
        404,
      );
    });

    it('refuses bad input with a 400 that names the field', async () => {
      expect(expectError(await ask('not-an-id'), 400)).toContain('eventId');
      expect(expectError(await ask(eventId, charity.token, ''), 400)).toContain('message');
      expect(expectError(await ask(eventId, charity.token, 'x'.repeat(2001)), 400)).toContain('message');
      expect(
        expectError(
          await request(api.http).get('/api/v1/cohost-requests?status=maybe').set(bearer(staff)),
          400,
        ),
      ).toContain('status');
      const [{ count }] = await api.dataSource.query(
        'SELECT count(*)::int AS count FROM cohost_requests WHERE event_id = $1',
        [eventId],
      );
      expect(count).toBe(0);
    });
  });
});

/** The VEVENT of a mail's calendar part, parsed by ical.js. */
function veventOf(mail: ReceivedMail): { uid: string; sequence: number; description: string } {
  const part = mail.parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) throw new Error('the message has no calendar part');
  const vevent = new ICAL.Component(ICAL.parse(part.content.toString('utf8'))).getFirstSubcomponent(
    'vevent',
  )!;
  return {
    uid: String(vevent.getFirstPropertyValue('uid')),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    description: String(vevent.getFirstPropertyValue('description')),
  };
}
