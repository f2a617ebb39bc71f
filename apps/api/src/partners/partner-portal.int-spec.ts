import ICAL from 'ical.js';
import request from 'supertest';
import { bearer, createEvent, createVenue, publishEvent, slot } from '../../../../test/support/fixtures';
import { startApiWithWorker, type ApiWithWorker } from '../../../../test/support/api-with-worker';
import { eventually } from '../../../../test/support/notification-test-bed';
import { approvedPartner, type SignedInPartner } from '../../../../test/support/partner-user';
import { registrationOf } from '../../../../test/support/registered';
import type { SmtpSink } from '../../../../test/support/smtp-sink';
import type { TestApi } from '../../../../test/support/test-app';

const PUBLIC_URL = 'https://roundtable.test';

/**
 * The partner portal against real Postgres, Redis and SMTP: counts and access-need totals of
 * co-hosted events, contacts only of those who consented (and gone once they withdraw), member
 * invitations naming the partner, the private calendar feed, and 404s for everything else.
 * Co-hosting is made by writing event_cohosts rows (the co-host routes have their own tests).
 */
describe('partner portal', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let staff: string;
  let partnerA: SignedInPartner;
  let partnerB: SignedInPartner;
  let eventId: string;
  let days = 20;

  const cohost = (event: string, partner: SignedInPartner) =>
    api.dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
      event,
      partner.partnerId,
    ]);

  async function publishedEvent(overrides: Record<string, unknown> = {}): Promise<string> {
    days += 1;
    // In person: the access-need totals below count needs that fit a room (step-free, a quiet room).
    const venue = await createVenue(api, staff);
    const event = await createEvent(api, staff, { ...slot(api, days), venueId: venue.id, ...overrides });
    await publishEvent(api, staff, event.id);
    return event.id as string;
  }

  const register = (event: string, body: Record<string, unknown>) =>
    request(api.http).post(`/api/v1/public/events/${event}/registrations`).send(body);

  beforeAll(async () => {
    world = await startApiWithWorker('partner-portal', { env: { PUBLIC_URL } });
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
    partnerA = await approvedPartner(api, 'Halesowen Carers');
    partnerB = await approvedPartner(api, 'Stourbridge Parent Forum');
    eventId = await publishedEvent({ capacity: 2 });
    await cohost(eventId, partnerA);

    await register(eventId, {
      name: 'Ann Able',
      email: 'ann@example.org',
      role: 'parent_carer',
      accessNeeds: ['step_free', 'quiet_room'],
      partnerContactConsent: [partnerA.partnerId],
    }).expect(202);
    await register(eventId, {
      name: 'Ben Brown',
      email: 'ben@example.org',
      role: 'other',
      accessNeeds: ['step_free'],
    }).expect(202);
    await register(eventId, {
      name: 'Cat Cole',
      email: 'cat@example.org',
      role: 'parent_carer',
      accessNeeds: ['bsl_interpreter'],
      partnerContactConsent: [partnerA.partnerId],
    }).expect(202);
  });
  afterAll(() => world?.close());

  it('lists the co-hosted events with counts by status, the waitlist and access-need totals', async () => {
    const res = await request(api.http).get('/api/v1/partner/events').set(bearer(partnerA.token)).expect(200);
    expect(res.body.total).toBe(1);
    const [event] = res.body.items;
    expect(event).toMatchObject({
      id: eventId,
      counts: { confirmed: 2, waitlisted: 1, invited: 0, declined: 0, cancelled: 0, attended: 0 },
      waitlistLength: 1,
      accessNeedTotalsCount: 'confirmed and waitlisted',
    });
    expect(event.accessNeedTotals).toMatchObject({
      step_free: 2,
      quiet_room: 1,
      bsl_interpreter: 1,
      hearing_loop: 0,
    });
    const one = await request(api.http)
      .get(`/api/v1/partner/events/${eventId}`)
      .set(bearer(partnerA.token))
      .expect(200);
    expect(one.body).toEqual(event);
    // The staff route gives a co-host partner the counts and no one's details.
    const counts = await request(api.http)
      .get(`/api/v1/events/${eventId}/registrations`)
      .set(bearer(partnerA.token))
      .expect(200);
    expect(counts.body).toEqual({ items: [], total: 0, counts: event.counts });
  });

  it('answers 404 to a partner about an event it does not co-host, and B never sees A’s event', async () => {
    const other = await publishedEvent();
    for (const path of [
      `/api/v1/partner/events/${other}`,
      `/api/v1/partner/events/${other}/contacts`,
      `/api/v1/events/${other}/registrations`,
    ]) {
      await request(api.http).get(path).set(bearer(partnerA.token)).expect(404);
    }
    const list = await request(api.http)
      .get('/api/v1/partner/events')
      .set(bearer(partnerB.token))
      .expect(200);
    expect(list.body).toEqual({ items: [], total: 0 });
    for (const path of [
      `/api/v1/partner/events/${eventId}`,
      `/api/v1/partner/events/${eventId}/contacts`,
      `/api/v1/events/${eventId}/registrations`,
    ]) {
      await request(api.http).get(path).set(bearer(partnerB.token)).expect(404);
    }
    await request(api.http)
      .post(`/api/v1/events/${eventId}/invitations`)
      .set(bearer(partnerB.token))
      .send({ contacts: [{ name: 'Dee Dunn', email: 'dee@example.org' }] })
      .expect(404);
    const [{ n }] = await api.dataSource.query(
      "SELECT count(*)::int AS n FROM registrations WHERE email = 'dee@example.org'",
    );
    expect(n).toBe(0);
  });

  it('gives contacts only of those who consented to this partner, and audits the read by count', async () => {
    const res = await request(api.http)
      .get(`/api/v1/partner/events/${eventId}/contacts`)
      .set(bearer(partnerA.token))
      .expect(200);
    expect(res.body).toEqual({
      items: [
        { name: 'Ann Able', email: 'ann@example.org', role: 'parent_carer' },
        { name: 'Cat Cole', email: 'cat@example.org', role: 'parent_carer' },
      ],
      total: 2,
    });
    const audits = await api.dataSource.query(
      "SELECT actor_id, subject_id, detail FROM audit_log WHERE action = 'partner.contacts.read'",
    );
    expect(audits).toContainEqual({
      actor_id: partnerA.userId,
      subject_id: eventId,
      detail: { partnerId: partnerA.partnerId, count: 2 },
    });
    expect(JSON.stringify(audits)).not.toContain('example.org');
  });

  it('refuses a consent to a partner that does not co-host the event (400), writing nothing', async () => {
    const res = await register(eventId, {
      name: 'Eve Eden',
      email: 'eve@example.org',
      role: 'parent_carer',
      partnerContactConsent: [partnerB.partnerId],
    }).expect(400);
    expect(JSON.stringify(res.body.message)).toContain('partnerContactConsent');
    const [{ n }] = await api.dataSource.query(
      "SELECT count(*)::int AS n FROM registrations WHERE email = 'eve@example.org'",
    );
    expect(n).toBe(0);
  });

  it('does not add consents to an existing registration when the address registers again', async () => {
    const first = await register(eventId, { name: 'Ben Brown', email: 'ben@example.org', role: 'other' });
    const again = await register(eventId, {
      name: 'Ben Brown',
      email: 'ben@example.org',
      role: 'other',
      partnerContactConsent: [partnerA.partnerId],
    });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    const ben = await registrationOf(api, eventId, 'ben@example.org');
    const rows = await api.dataSource.query(
      'SELECT * FROM partner_contact_consents WHERE registration_id = $1',
      [ben.id],
    );
    expect(rows).toEqual([]);
  });

  it('shows consents on the manage link; withdrawing there removes the contact from the portal at once', async () => {
    const ann = await registrationOf(api, eventId, 'ann@example.org');
    const view = await request(api.http).get(`/api/v1/public/registrations/${ann.manageToken}`).expect(200);
    expect(view.body.partnerContactConsent).toEqual([{ id: partnerA.partnerId, name: 'Halesowen Carers' }]);

    await request(api.http)
      .patch(`/api/v1/public/registrations/${ann.manageToken}`)
      .send({ partnerContactConsent: [] })
      .expect(200);
    const contacts = await request(api.http)
      .get(`/api/v1/partner/events/${eventId}/contacts`)
      .set(bearer(partnerA.token))
      .expect(200);
    expect(contacts.body.items.map((contact: { email: string }) => contact.email)).toEqual([
      'cat@example.org',
    ]);

    // Given again through the link: a current co-host is accepted, another partner is not.
    await request(api.http)
      .patch(`/api/v1/public/registrations/${ann.manageToken}`)
      .send({ partnerContactConsent: [partnerB.partnerId] })
      .expect(400);
    await request(api.http)
      .patch(`/api/v1/public/registrations/${ann.manageToken}`)
      .send({ partnerContactConsent: [partnerA.partnerId] })
      .expect(200);
    // Cancelling ends it too: only people still registered are shown.
    const cat = await registrationOf(api, eventId, 'cat@example.org');
    await request(api.http).delete(`/api/v1/public/registrations/${cat.manageToken}`).expect(200);
    const after = await request(api.http)
      .get(`/api/v1/partner/events/${eventId}/contacts`)
      .set(bearer(partnerA.token))
      .expect(200);
    expect(after.body.items.map((contact: { email: string }) => contact.email)).toEqual(['ann@example.org']);
  });

  it("invites the partner's members: the email names the partner and has one-click unsubscribe", async () => {
    const invited = await publishedEvent();
    await cohost(invited, partnerA);
    const res = await request(api.http)
      .post(`/api/v1/events/${invited}/invitations`)
      .set(bearer(partnerA.token))
      .send({ contacts: [{ name: 'Fay Ford', email: 'fay@example.org' }] })
      .expect(201);
    expect(res.body).toEqual({ invited: 1, alreadyInvited: 0, unsubscribed: 0, duplicates: 0 });
    const [row] = await api.dataSource.query(
      "SELECT invited_by_partner_id FROM registrations WHERE event_id = $1 AND email = 'fay@example.org'",
      [invited],
    );
    expect(row.invited_by_partner_id).toBe(partnerA.partnerId);
    const audits = await api.dataSource.query(
      "SELECT actor_id, detail FROM audit_log WHERE action = 'partner.invite' AND subject_id = $1",
      [invited],
    );
    expect(audits).toEqual([
      { actor_id: partnerA.userId, detail: { partnerId: partnerA.partnerId, count: 1 } },
    ]);

    const toFay = () => sink.received.find((received) => received.envelopeTo.includes('fay@example.org'));
    await eventually('the invitation sent', async () => toFay() !== undefined);
    const mail = toFay()!;
    expect(mail.parsed.text).toMatch(/Halesowen Carers invited you, with /);
    const raw = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
    expect(raw).toMatch(
      /^List-Unsubscribe: <https:\/\/roundtable\.test\/manage\/rtm_[A-Za-z0-9_-]{43}\/unsubscribe>/im,
    );
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
  });

  it('makes a private calendar feed of the co-hosted published events, and revokes it', async () => {
    const draft = await createEvent(api, staff, slot(api, 60));
    await cohost(draft.id, partnerA);
    const made = await request(api.http)
      .post('/api/v1/partner/calendar-feed')
      .set(bearer(partnerA.token))
      .expect(201);
    const url = new URL(made.body.url);
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname).toMatch(/^\/partner-feeds\/rtf_[A-Za-z0-9_-]{43}\.ics$/);
    const token = url.pathname.slice('/partner-feeds/'.length, -'.ics'.length);
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM partner_calendar_feeds WHERE token_hash = $1',
      [token],
    );
    expect(n).toBe(0);

    const feed = await request(api.http).get(url.pathname).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent');
    const uids = events.map((event) => event.getFirstPropertyValue('uid'));
    expect(uids).toContain(`event-${eventId}@roundtable`);
    expect(uids).not.toContain(`event-${draft.id}@roundtable`);
    expect(events.every((event) => event.getAllProperties('attendee').length === 0)).toBe(true);
    expect(feed.text).not.toContain('example.org');

    // A new feed turns the old one off.
    const second = await request(api.http)
      .post('/api/v1/partner/calendar-feed')
      .set(bearer(partnerA.token))
      .expect(201);
    await request(api.http).get(url.pathname).expect(404);
    const secondPath = new URL(second.body.url).pathname;
    await request(api.http).get(secondPath).expect(200);
    await request(api.http).delete('/api/v1/partner/calendar-feed').set(bearer(partnerA.token)).expect(200);
    await request(api.http).get(secondPath).expect(404);
    await request(api.http).get('/partner-feeds/rtf_nothing.ics').expect(404);
  });

  it('answers 403 to a partner on every testimony, casework, report and import route (from the OpenAPI document)', async () => {
    const docs = await request(api.http).get('/docs/openapi.json').expect(200);
    const paths = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).filter(
      ([path]) => /^\/api\/v1\/(testimonies|casework|reports|testimony-imports|themes|audit)\b/.test(path),
    );
    expect(paths.length).toBeGreaterThan(5);
    const answers: string[] = [];
    for (const [path, operations] of paths) {
      const concrete = path.replace(/\{[^}]+\}/g, eventId);
      for (const method of Object.keys(operations)) {
        const res = await request(api.http)
          [method as 'get' | 'post' | 'patch' | 'put' | 'delete'](concrete)
          .set(bearer(partnerA.token));
        answers.push(`${method.toUpperCase()} ${path} ${res.status}`);
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(' 403'))).toEqual([]);
  });
});
