import ICAL from 'ical.js';
import request from 'supertest';
import { followingTheWorker, startApiWithWorker, type ApiWithWorker } from '../support/api-with-worker';
import { calendarOf } from '../support/calendar-part';
import { routesDeclaredByApp } from '../support/declared-routes';
import { bearer, createEvent, publishEvent, slot } from '../support/fixtures';
import { apiRoutesOf, type OpenApiDocument } from '../support/hostile/openapi-routes';
import { manageTokenIn } from '../support/manage-link-in-mail';
import { eventually, TEST_JOB_POLICY } from '../support/notification-test-bed';
import { registerAndRead } from '../support/registered';
import type { ReceivedMail } from '../support/smtp-sink';
import { ADMIN } from '../support/test-app';

/**
 * Issue 11's journey from one end to the other, against real Postgres, Redis, an SMTP sink and
 * the real worker: an organisation registers, staff are told, staff approve, the contact sets a
 * password from the emailed link, signs in, asks to co-host a published event, staff accept; an
 * attendee registered before hears of the co-host in an update (and its calendar item, SEQUENCE
 * raised); the partner invites a member (the email says who invited them), sees counts, sees
 * contacts only of the attendee who consented, and the contact vanishes once consent is withdrawn.
 *
 * Written to the agreed contract (API.md and the partners brief) before the routes were merged:
 * skipped while they are not declared by the app, and run as soon as they are. Each step's
 * failure names the step.
 */

/** The routes the journey walks, as the OpenAPI document names them. */
const JOURNEY_ROUTES = [
  'POST /api/v1/public/partners',
  'POST /api/v1/partners/{id}/approve',
  'POST /api/v1/public/password-links/{token}',
  'POST /api/v1/partner/cohost-requests',
  'GET /api/v1/cohost-requests',
  'POST /api/v1/cohost-requests/{id}/accept',
  'POST /api/v1/events/{id}/invitations',
  'GET /api/v1/partner/events',
  'GET /api/v1/partner/events/{id}/contacts',
  'PATCH /api/v1/public/registrations/{token}',
];

const declared = routesDeclaredByApp();
const absent = JOURNEY_ROUTES.filter((label) => !declared.has(label));
// A route renamed or removed fails the file at once, naming it, rather than half-way through the walk.
if (absent.length > 0) {
  throw new Error(`the app does not declare routes the partner journey walks: ${absent.join(', ')}`);
}

const PUBLIC_URL = 'https://roundtable.test';
const ORGANISATION = {
  name: 'Halesowen Young Carers Trust',
  // A Charity Commission for England and Wales number (7 digits).
  charityNumber: '1123456',
  contactName: 'Priya Shah',
  contactEmail: 'priya.shah@carers-trust.example.org',
  description: 'We support young carers and their families across Halesowen.',
  areas: ['halesowen-north'],
};
const NEW_PASSWORD = 'a-partner-chose-this-1';

describe('partner journey: register, approve, set a password, co-host, invite, see consented contacts', () => {
  let world: ApiWithWorker;
  let staff: string;
  /** Filled as the journey goes; each step uses what the ones before made. */
  const journey: {
    partnerId?: string;
    partnerToken?: string;
    partnerUserId?: string;
    eventId?: string;
    firstSequence?: number;
    consentingToken?: string;
  } = {};
  const attendees = {
    before: 'early.bird@example.org',
    consenting: 'happy.to.hear@example.org',
    private: 'keep.me.private@example.org',
    member: 'trust.member@example.org',
  };

  beforeAll(async () => {
    world = await startApiWithWorker('partner-journey', {
      ...followingTheWorker(TEST_JOB_POLICY),
      env: { PUBLIC_URL, PUBLIC_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000' },
    });
    staff = await world.api.tokenFor('organiser');
  });
  afterAll(() => world?.close());

  const http = () => world.api.http;

  /** A value an earlier step made, or a failure naming that step (so a later step does not fail obscurely). */
  function need<T>(value: T | undefined, madeBy: string): T {
    if (value === undefined) throw new Error(`needs what ${madeBy} makes, and that step did not finish`);
    return value;
  }

  /** Fails with the step's name when an answer is not what the contract says. */
  function expectStatus(step: string, res: request.Response, statuses: number[]): void {
    if (!statuses.includes(res.status))
      throw new Error(
        `${step}: expected ${statuses.join(' or ')}, got ${res.status}: ${res.text.slice(0, 500)}`,
      );
  }

  /** Messages the sink has received to an address, oldest first. */
  const mailsTo = (address: string): ReceivedMail[] =>
    world.sink.received.filter((mail) =>
      mail.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase()),
    );

  const textOf = (mail: ReceivedMail) =>
    `${mail.parsed.subject ?? ''}\n${mail.parsed.text ?? ''}\n${typeof mail.parsed.html === 'string' ? mail.parsed.html : ''}`;

  /** Waits for a message matching `match` (to `address` when given) and returns it. */
  async function mailWhere(step: string, match: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
    try {
      await eventually(step, async () => world.sink.received.some(match));
    } catch {
      const seen = world.sink.received.map((mail) => `${mail.envelopeTo.join(',')}: ${mail.parsed.subject}`);
      throw new Error(`${step}: no such message arrived. Received: ${JSON.stringify(seen, null, 1)}`);
    }
    return world.sink.received.find(match)!;
  }

  /** The DESCRIPTION of a message's calendar item, read by ical.js. */
  function calendarDescription(mail: ReceivedMail): string {
    const part = mail.parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
    if (!part) throw new Error(`"${mail.parsed.subject}" has no calendar item`);
    const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
    return String(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('description') ?? '');
  }

  it('agrees with the running app: the OpenAPI document lists every route the journey walks', async () => {
    const docs = await request(http()).get('/docs/openapi.json').expect(200);
    const documented = new Set(apiRoutesOf(docs.body as OpenApiDocument).map((route) => route.label));
    expect(JOURNEY_ROUTES.filter((label) => !documented.has(label))).toEqual([]);
  });

  it('1. an organisation registers and lands as pending; staff are told by email', async () => {
    world.tick();
    const res = await request(http()).post('/api/v1/public/partners').send(ORGANISATION);
    expectStatus('registering the organisation (POST /api/v1/public/partners)', res, [201]);
    const rows: Array<{ id: string; status: string }> = await world.api.dataSource.query(
      'SELECT id, status FROM partners WHERE lower(contact_email) = lower($1)',
      [ORGANISATION.contactEmail],
    );
    expect({ step: 'the registration is stored as pending', rows: rows.map((row) => row.status) }).toEqual({
      step: 'the registration is stored as pending',
      rows: ['pending'],
    });
    journey.partnerId = rows[0]!.id;
    await mailWhere(
      'staff told of the new organisation (a message naming it, to someone other than its contact)',
      (mail) =>
        textOf(mail).includes(ORGANISATION.name) &&
        !mail.envelopeTo.some((to) => to.toLowerCase() === ORGANISATION.contactEmail),
    );
  });

  it('2. staff approve; the contact is emailed a link to set a password', async () => {
    world.tick();
    const res = await request(http())
      .post(`/api/v1/partners/${need(journey.partnerId, 'step 1')}/approve`)
      .set(bearer(staff))
      .send({});
    expectStatus('staff approving (POST /api/v1/partners/:id/approve)', res, [200, 201]);
    const [row] = await world.api.dataSource.query('SELECT status FROM partners WHERE id = $1', [
      journey.partnerId,
    ]);
    expect({ step: 'approved in the table', status: row.status }).toEqual({
      step: 'approved in the table',
      status: 'approved',
    });
  });

  it('3. the contact sets a password from the emailed /password/<token> link, and it is single-use', async () => {
    const mail = await mailWhere(
      "the contact's approval email with a /password/<token> link",
      (candidate) =>
        candidate.envelopeTo.some((to) => to.toLowerCase() === ORGANISATION.contactEmail) &&
        /\/password\/[A-Za-z0-9_-]+/.test(textOf(candidate)),
    );
    const token = /\/password\/([A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')?.[1];
    if (!token) throw new Error(`the approval email's plain-text part has no /password/<token> link`);
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/password/${token}`);
    // The raw token is in no table: only its hash is stored.
    const stored = await world.api.dataSource.query(
      'SELECT count(*)::int AS n FROM password_links WHERE token_hash = $1 OR nonce = $1',
      [token],
    );
    expect(stored[0].n).toBe(0);
    world.tick();
    const set = await request(http())
      .post(`/api/v1/public/password-links/${token}`)
      .send({ password: NEW_PASSWORD });
    expectStatus('setting a password (POST /api/v1/public/password-links/:token)', set, [200, 201, 204]);
    const again = await request(http())
      .post(`/api/v1/public/password-links/${token}`)
      .send({ password: 'a-second-try-password-2' });
    expect({
      step: 'the link is single-use: a second use is refused with a 4xx',
      refused: again.status >= 400 && again.status < 500,
      status: again.status,
    }).toMatchObject({ refused: true });
  });

  it('4. the partner signs in with the new password', async () => {
    world.tick();
    const res = await request(http())
      .post('/api/v1/auth/login')
      .send({ email: ORGANISATION.contactEmail, password: NEW_PASSWORD });
    expectStatus('the partner signing in (POST /api/v1/auth/login)', res, [200]);
    expect(res.body.user).toMatchObject({ role: 'partner' });
    journey.partnerToken = res.body.token;
    journey.partnerUserId = res.body.user.id;
  });

  it('5. before any co-host, an attendee registers and gets a calendar item', async () => {
    world.tick();
    const event = await createEvent(world.api, staff, {
      ...slot(world.api, 14),
      title: 'Young carers and school: a listening event',
    });
    await publishEvent(world.api, staff, event.id);
    journey.eventId = event.id;
    world.tick();
    const registered = await registerAndRead(world.api, event.id, {
      name: 'Early Bird',
      email: attendees.before,
      role: 'parent_carer',
    });
    expect({ step: 'the first attendee registering', status: registered.status }).toEqual({
      step: 'the first attendee registering',
      status: 202,
    });
    const confirmation = await mailWhere('the first attendee’s confirmation', (mail) =>
      mailsTo(attendees.before).includes(mail),
    );
    const calendar = calendarOf(confirmation);
    if (!calendar) throw new Error('the confirmation carries no calendar item');
    journey.firstSequence = Number(calendar.sequence ?? 0);
    expect(textOf(confirmation)).not.toContain(ORGANISATION.name);
  });

  it('6. the partner asks to co-host the published event; staff are told, accept it; the partner is told', async () => {
    world.tick();
    const ask = await request(http())
      .post('/api/v1/partner/cohost-requests')
      .set(bearer(need(journey.partnerToken, 'step 4')))
      .send({
        eventId: need(journey.eventId, 'step 5'),
        message: 'Many of our families would come to this.',
      });
    expectStatus('the partner asking to co-host (POST /api/v1/partner/cohost-requests)', ask, [201]);
    await mailWhere(
      'staff told of the co-host request (a message naming the organisation, not to it)',
      (mail) =>
        textOf(mail).includes(ORGANISATION.name) &&
        /co-?host/i.test(textOf(mail)) &&
        !mail.envelopeTo.some((to) => to.toLowerCase() === ORGANISATION.contactEmail),
    );
    const list = await request(http())
      .get('/api/v1/cohost-requests')
      .query({ status: 'pending' })
      .set(bearer(staff));
    expectStatus('staff listing co-host requests (GET /api/v1/cohost-requests)', list, [200]);
    const pending = (list.body.items as Array<Record<string, unknown>>).find(
      (item) =>
        JSON.stringify(item).includes(need(journey.eventId, 'step 5')) &&
        JSON.stringify(item).includes(need(journey.partnerId, 'step 1')),
    );
    if (!pending)
      throw new Error(
        `the pending request is not in GET /api/v1/cohost-requests: ${list.text.slice(0, 500)}`,
      );
    world.tick();
    const accept = await request(http())
      .post(`/api/v1/cohost-requests/${String(pending.id)}/accept`)
      .set(bearer(staff))
      .send({});
    expectStatus('staff accepting (POST /api/v1/cohost-requests/:id/accept)', accept, [200, 201]);
    const cohosts = await world.api.dataSource.query(
      'SELECT partner_id FROM event_cohosts WHERE event_id = $1',
      [journey.eventId],
    );
    expect(cohosts).toEqual([{ partner_id: journey.partnerId }]);
    await mailWhere(
      'the partner told the request was accepted',
      (mail) => mailsTo(ORGANISATION.contactEmail).includes(mail) && /accept/i.test(textOf(mail)),
    );
    const publicEvent = await request(http()).get(`/api/v1/public/events/${journey.eventId}`).expect(200);
    expect(publicEvent.body.cohosts).toEqual([{ id: journey.partnerId, name: ORGANISATION.name }]);
  });

  it('7. the attendee registered before receives an update naming the co-host, with a raised SEQUENCE', async () => {
    const update = await mailWhere(
      'an update to the first attendee naming the co-host',
      (mail) => mailsTo(attendees.before).includes(mail) && textOf(mail).includes(ORGANISATION.name),
    );
    const calendar = calendarOf(update);
    if (!calendar) throw new Error(`the update "${update.parsed.subject}" carries no calendar item`);
    expect({
      method: calendar.method,
      sequenceRaised: Number(calendar.sequence) > need(journey.firstSequence, 'step 5'),
    }).toEqual({
      method: 'REQUEST',
      sequenceRaised: true,
    });
    expect(calendarDescription(update)).toContain(ORGANISATION.name);
  });

  it('8. attendees register after: one consents to the partner contacting them, one does not', async () => {
    world.tick();
    const consenting = await registerAndRead(world.api, need(journey.eventId, 'step 5'), {
      name: 'Happy Tohear',
      email: attendees.consenting,
      role: 'parent_carer',
      accessNeeds: ['bsl_on_screen'], // the event is online: a need that fits a video call
      partnerContactConsent: [need(journey.partnerId, 'step 1')],
    });
    expect({
      step: 'registering with partnerContactConsent',
      status: consenting.status,
      reply: consenting.reply,
    }).toMatchObject({
      status: 202,
    });
    world.tick();
    const quiet = await registerAndRead(world.api, need(journey.eventId, 'step 5'), {
      name: 'Keep Private',
      email: attendees.private,
      role: 'parent_carer',
    });
    expect({ step: 'registering without consent', status: quiet.status }).toMatchObject({ status: 202 });
    const confirmation = await mailWhere('the consenting attendee’s confirmation', (mail) =>
      mailsTo(attendees.consenting).includes(mail),
    );
    // Co-hosts are named in every email about the event and in its calendar item.
    expect(textOf(confirmation)).toContain(ORGANISATION.name);
    expect(calendarDescription(confirmation)).toContain(ORGANISATION.name);
    journey.consentingToken = manageTokenIn(confirmation);
    await mailWhere('the second attendee’s confirmation', (mail) =>
      mailsTo(attendees.private).includes(mail),
    );
  });

  it('9. the partner invites a member; the invitation says who invited them and can be unsubscribed from', async () => {
    world.tick();
    const res = await request(http())
      .post(`/api/v1/events/${need(journey.eventId, 'step 5')}/invitations`)
      .set(bearer(need(journey.partnerToken, 'step 4')))
      .send({ contacts: [{ name: 'Tia Member', email: attendees.member }] });
    expectStatus('the partner inviting a member (POST /api/v1/events/:id/invitations)', res, [201]);
    expect(res.body).toMatchObject({ invited: 1 });
    const invitation = await mailWhere('the member’s invitation', (mail) =>
      mailsTo(attendees.member).includes(mail),
    );
    expect(textOf(invitation)).toContain(ORGANISATION.name);
    // Unfolded first: a long header continues on the next line (RFC 5322).
    expect(invitation.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe: *<[^>]+\/unsubscribe>/im);
    const [row] = await world.api.dataSource.query(
      'SELECT invited_by_partner_id FROM registrations WHERE event_id = $1 AND email = $2',
      [journey.eventId, attendees.member],
    );
    expect(row).toEqual({ invited_by_partner_id: journey.partnerId });
  });

  it('10. the partner sees the event with counts, and no personal data', async () => {
    const res = await request(http())
      .get('/api/v1/partner/events')
      .set(bearer(need(journey.partnerToken, 'step 4')));
    expectStatus('the partner listing its events (GET /api/v1/partner/events)', res, [200]);
    const item = (res.body.items as Array<Record<string, unknown>>).find(
      (event) => event.id === journey.eventId,
    );
    if (!item)
      throw new Error(`the co-hosted event is not in GET /api/v1/partner/events: ${res.text.slice(0, 500)}`);
    const counts = numbersIn(item);
    const countOf = (pattern: RegExp) => Object.entries(counts).find(([path]) => pattern.test(path))?.[1];
    // Three confirmed (before, consenting, private), one invited member, nobody waiting.
    expect({
      confirmed: countOf(/confirmed/i),
      waitlist: countOf(/wait/i),
      bsl: countOf(/bsl_on_screen/i),
      item,
    }).toMatchObject({ confirmed: 3, waitlist: 0, bsl: 1 });
    for (const email of Object.values(attendees)) expect(res.text).not.toContain(email);
  });

  it('11. contacts list only the attendee who consented, and the read is audited', async () => {
    const res = await request(http())
      .get(`/api/v1/partner/events/${need(journey.eventId, 'step 5')}/contacts`)
      .set(bearer(need(journey.partnerToken, 'step 4')));
    expectStatus('the partner reading contacts (GET /api/v1/partner/events/:id/contacts)', res, [200]);
    expect({
      consenting: res.text.includes(attendees.consenting),
      before: res.text.includes(attendees.before),
      private: res.text.includes(attendees.private),
      member: res.text.includes(attendees.member),
    }).toEqual({ consenting: true, before: false, private: false, member: false });
    const admin = await request(http()).post('/api/v1/auth/login').send(ADMIN).expect(200);
    const audit = await request(http())
      .get('/api/v1/audit')
      .query({ action: 'partner.contacts.read', actor: need(journey.partnerUserId, 'step 4') })
      .set(bearer(admin.body.token));
    expectStatus('listing the audit of contact reads', audit, [200]);
    expect(audit.body.total).toBeGreaterThanOrEqual(1);
  });

  it('12. the attendee withdraws consent from the manage link, and vanishes from contacts at once', async () => {
    world.tick();
    const withdraw = await request(http())
      .patch(`/api/v1/public/registrations/${need(journey.consentingToken, 'step 8')}`)
      .send({ partnerContactConsent: [] });
    expectStatus('withdrawing consent (PATCH /api/v1/public/registrations/:token)', withdraw, [200]);
    const res = await request(http())
      .get(`/api/v1/partner/events/${need(journey.eventId, 'step 5')}/contacts`)
      .set(bearer(need(journey.partnerToken, 'step 4')));
    expectStatus('reading contacts after the withdrawal', res, [200]);
    expect({ stillListed: res.text.includes(attendees.consenting) }).toEqual({ stillListed: false });
    const consents = await world.api.dataSource.query(
      'SELECT count(*)::int AS n FROM partner_contact_consents WHERE partner_id = $1',
      [journey.partnerId],
    );
    expect(consents[0].n).toBe(0);
  });
});

/** Every number in a JSON value, by its path (e.g. "counts.confirmed", "accessNeeds.bsl_interpreter"). */
function numbersIn(value: unknown, path = ''): Record<string, number> {
  if (typeof value === 'number') return { [path]: value };
  if (Array.isArray(value)) {
    // [{ need: 'bsl_interpreter', count: 1 }] reads as "bsl_interpreter.count".
    return Object.assign(
      {},
      ...value.map((item, index) => {
        const name =
          item && typeof item === 'object'
            ? Object.values(item as Record<string, unknown>).find((field) => typeof field === 'string')
            : undefined;
        return numbersIn(item, `${path}.${name ?? index}`);
      }),
    );
  }
  if (value && typeof value === 'object')
    return Object.assign(
      {},
      ...Object.entries(value as Record<string, unknown>).map(([key, item]) =>
        numbersIn(item, path ? `${path}.${key}` : key),
      ),
    );
  return {};
}
