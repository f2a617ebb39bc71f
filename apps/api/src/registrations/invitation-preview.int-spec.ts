import { addressHash } from '@roundtable/registrations';
import request from 'supertest';
import { bearer, countRows, createEvent, expectError, publishEvent } from '../../../../test/support/fixtures';
import { eventually } from '../../../../test/support/notification-test-bed';
import { csrfOf } from '../../../../test/support/page-html';
import { signedInAgent, type Agent } from '../../../../test/support/hostile/page-session';
import type { SmtpSink } from '../../../../test/support/smtp-sink';
import { ADMIN, type TestApi } from '../../../../test/support/test-app';
import { startApiWithWorker, type ApiWithWorker } from '../../../../test/support/api-with-worker';

/**
 * Issue 12, point 9: "before 10,000 emails go out". The preview (JSON API and the invite page)
 * counts each kind of person on a list and shows the email as the real builder makes it, and
 * writes and sends nothing; the page's confirmation sends exactly the list it previewed, once,
 * and says so when the counts changed in between. Real Postgres, Redis, worker and SMTP sink.
 */
describe('invitation preview: counts and the email, nothing sent until confirmed', () => {
  let world: ApiWithWorker;
  let sink: SmtpSink;
  let api: TestApi;
  let token: string;
  let staff: Agent;
  let day = 0;

  beforeAll(async () => {
    world = await startApiWithWorker('invitation-preview');
    ({ api, sink } = world);
    token = await api.tokenFor('organiser');
    staff = await signedInAgent(api, ADMIN.email, ADMIN.password);
  });
  afterAll(() => world?.close());

  async function event(publish = true): Promise<string> {
    const start = new Date(api.clock.now().getTime() + (20 + day++) * 86_400_000);
    const created = await createEvent(api, token, {
      title: 'Post-16 places: a roundtable',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    if (publish) await publishEvent(api, token, created.id);
    return created.id;
  }

  /** Invites through the send route (a write), and waits until the worker has sent the mail. */
  async function invitedAlready(eventId: string, email: string): Promise<void> {
    const mailsTo = () => sink.received.filter((mail) => mail.envelopeTo.includes(email)).length;
    const earlier = mailsTo();
    await request(api.http)
      .post(`/api/v1/events/${eventId}/invitations`)
      .set(bearer(token))
      .send({ contacts: [{ email }] })
      .expect(201);
    await eventually(`the invitation to ${email} sent`, async () => mailsTo() > earlier);
  }

  async function unsubscribed(email: string): Promise<void> {
    await api.dataSource.query(
      "INSERT INTO invitation_suppressions (address_hash, source) VALUES ($1, 'api') ON CONFLICT DO NOTHING",
      [addressHash(email)],
    );
  }

  /** Every table a send writes, and the mail the sink holds. */
  async function footprint() {
    return {
      registrations: await countRows(api, 'registrations'),
      notifications: await countRows(api, 'notifications'),
      audit: await countRows(api, 'audit_log'),
      mails: sink.received.length,
    };
  }

  /** Long enough for the worker to have sent anything a request queued by mistake. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  it('API: counts new, already invited, unsubscribed and repeated people, with the email, and writes and sends nothing', async () => {
    const id = await event();
    await invitedAlready(id, 'old@example.org');
    await unsubscribed('gone@example.org');
    const before = await footprint();

    const res = await request(api.http)
      .post(`/api/v1/events/${id}/invitations/preview`)
      .set(bearer(token))
      .send({
        contacts: [
          { name: 'Sam Jones', email: 'sam@example.org' },
          { name: 'Sam again', email: ' SAM@example.org ' },
          { name: 'Old Friend', email: 'old@example.org' },
          { name: 'Gone Away', email: 'Gone@Example.org' },
          { email: 'kit@example.org' },
        ],
      })
      .expect(200);
    expect(res.body).toMatchObject({ toInvite: 2, alreadyInvited: 1, unsubscribed: 1, duplicates: 1 });
    const { sample } = res.body as { sample: { to: string; subject: string; text: string; html: string } };
    expect(sample.to).toBe('sam@example.org');
    expect(sample.subject).toMatch(/^Invitation: Post-16 places: a roundtable, /);
    // The real builder's email, addressed to the sample person, with stand-in private links.
    expect(sample.text).toContain('Sam Jones');
    expect(sample.text).toContain('Yes, I can come');
    expect(sample.text).toContain('/manage/your-private-link/accept');
    expect(sample.html).toContain('<h1');
    expect(sample.html).not.toContain('<script');

    await settle();
    expect(await footprint()).toEqual(before);
  });

  it('API: refuses what the send would refuse, with the same messages, and writes nothing', async () => {
    const id = await event();
    const before = await footprint();
    const preview = (body: unknown, eventId = id) =>
      request(api.http)
        .post(`/api/v1/events/${eventId}/invitations/preview`)
        .set(bearer(token))
        .send(body as object);

    expect(expectError(await preview({ contacts: [] }), 400)).toContain(
      'contacts must list at least one person',
    );
    expect(expectError(await preview({ contacts: 'sam@example.org' }), 400)).toContain(
      'contacts must be a list of people',
    );
    expect(
      expectError(await preview({ contacts: [{ email: 'sam@example.org' }, { email: 'nope' }] }), 400),
    ).toContain('contacts[1].email must be an email address');
    expect(
      expectError(await preview({ contacts: [{ email: 'a@example.org', phone: '0121' }] }), 400),
    ).toContain('contacts[0].phone is not a field we accept');
    expectError(await preview({ contacts: [{ email: 'a@example.org' }], send: true }), 400);
    expectError(await preview({ contacts: [{ email: 'a@example.org' }] }, await event(false)), 409);
    expectError(
      await preview({ contacts: [{ email: 'a@example.org' }] }, '6f1d8e52-4a43-4c3b-9d0f-5a1e2b3c4d5e'),
      404,
    );
    expect(await footprint()).toEqual(before);
  });

  it('page: the list is previewed with nothing written, and "Send" sends exactly that list, once', async () => {
    const id = await event();
    await invitedAlready(id, 'old@example.org');
    await unsubscribed('gone@example.org');
    const before = await footprint();

    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const previewed = await staff
      .post(`/staff/events/${id}/invite`)
      .field('_csrf', csrfOf(form.text))
      .field(
        'people',
        [
          'Ash Brown <ash@example.org>',
          'Bo Green, bo@example.org',
          'ash@example.org',
          'old@example.org',
          'gone@example.org',
          'Cy Hall cy.example.org',
        ].join('\n'),
      );
    expect(previewed.status).toBe(200);
    const html = previewed.text;
    expect(html).toContain('Check the invitations before you send them');
    expect(countsOn(html)).toEqual({
      'New people, who will be invited': '2',
      'Already invited or registered, so left out': '1',
      'Asked not to get invitations, so left out': '1',
      'Listed more than once, and counted once': '1',
      'Lines that cannot be used, so left out': '1',
    });
    expect(html).toContain('Line 6: “Cy Hall cy.example.org” is not an email address');
    expect(html).toContain('Send 2 invitations');
    expect(html).toMatch(/Invitation: Post-16 places: a roundtable, /);
    await settle();
    expect(await footprint()).toEqual(before);

    // The email's HTML part, for the sandboxed frame: its own document under a policy that runs nothing.
    const previewId = /name="preview" value="([^"]+)"/.exec(html)![1];
    const frame = /<iframe[^>]*src="([^"]+)"[^>]*>/.exec(html)!;
    expect(frame[0]).toContain('sandbox');
    const email = await staff.get(frame[1]).expect(200);
    expect(email.headers['content-security-policy']).toContain("default-src 'none'");
    expect(email.headers['content-security-policy']).toContain('sandbox');
    expect(email.text).toContain('Ash Brown');
    expect((await request(api.http).get(frame[1])).status).toBe(303);

    const sent = await staff
      .post(`/staff/events/${id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(html), preview: previewId });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(
      `/staff/events/${id}/invite?invited=2&alreadyInvited=1&unsubscribed=1&duplicates=1&previewed=2`,
    );
    const done = await staff.get(sent.headers.location).expect(200);
    expect(done.text).toContain('2 people invited');
    expect(done.text).not.toContain('changed-since-preview');

    // Exactly the previewed people, each once: no one left out got anything.
    await eventually('both invitations sent', async () => sink.received.length === before.mails + 2);
    await settle();
    const newMail = sink.received.slice(before.mails).flatMap((mail) => mail.envelopeTo);
    expect(newMail.sort()).toEqual(['ash@example.org', 'bo@example.org']);
    expect(await countRows(api, 'registrations')).toBe(before.registrations + 2);

    // The same preview again (a second tab, a double click) sends nothing more.
    const again = await staff
      .post(`/staff/events/${id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(html), preview: previewId });
    expect(again.status).toBe(410);
    expect(again.text).toContain('That preview has expired or its invitations were already sent');
    expect((await staff.get(frame[1])).status).toBe(410);
    await settle();
    expect(sink.received.length).toBe(before.mails + 2);
  });

  it('page: counts are taken again at the send, and staff are told what changed since the preview', async () => {
    const id = await event();
    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const previewed = await staff
      .post(`/staff/events/${id}/invite`)
      .field('_csrf', csrfOf(form.text))
      .field('people', 'di@example.org\ned@example.org');
    expect(countsOn(previewed.text)['New people, who will be invited']).toBe('2');
    // Someone else invites Di in the minutes between.
    await invitedAlready(id, 'di@example.org');

    const previewId = /name="preview" value="([^"]+)"/.exec(previewed.text)![1];
    const sent = await staff
      .post(`/staff/events/${id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(previewed.text), preview: previewId });
    expect(sent.headers.location).toBe(
      `/staff/events/${id}/invite?invited=1&alreadyInvited=1&unsubscribed=0&duplicates=0&previewed=2`,
    );
    const done = await staff.get(sent.headers.location).expect(200);
    expect(done.text).toContain('1 person invited');
    expect(done.text).toContain('The check before sending counted 2 new people');
  });

  it('page: a preview id that is not one kept for this user and event sends nothing', async () => {
    const id = await event();
    const other = await event();
    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const previewed = await staff
      .post(`/staff/events/${id}/invite`)
      .field('_csrf', csrfOf(form.text))
      .field('people', 'fay@example.org');
    const previewId = /name="preview" value="([^"]+)"/.exec(previewed.text)![1];
    const before = await footprint();
    for (const [eventId, preview] of [
      [other, previewId],
      [id, 'x'.repeat(32)],
      [id, '<script>'],
      [id, ''],
    ]) {
      const res = await staff
        .post(`/staff/events/${eventId}/invite/send`)
        .type('form')
        .send({ _csrf: csrfOf(previewed.text), preview });
      expect(res.status).toBe(410);
    }
    expect(await footprint()).toEqual(before);
    // Still there for its own event.
    await staff
      .post(`/staff/events/${id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(previewed.text), preview: previewId })
      .expect(303);
  });
});

/** The preview page's counts, by their row's words. */
function countsOn(html: string): Record<string, string> {
  const counts: Record<string, string> = {};
  const row =
    /<dt class="govuk-summary-list__key">\s*([^<]+?)\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([^<]+?)\s*<\/dd>/g;
  for (const [, key, value] of html.matchAll(row)) if (/^\d+$/.test(value)) counts[key] = value;
  return counts;
}
