import { newSecretToken } from '@roundtable/platform';
import request from 'supertest';
import { bearer, createEvent, publishEvent } from '../../../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../../../test/support/test-app';
import { registrationOf } from '../../../../../../test/support/registered';

/** The unsubscribe link in invitations: a page to GET, and the RFC 8058 one-click POST. */
describe('unsubscribe pages', () => {
  let api: TestApi;
  let staff: string;
  let day = 0;

  beforeAll(async () => {
    // A low per-address limit, to show one-click posts are not held to it.
    api = await createTestApi('unsubscribe-pages', { env: { PUBLIC_RATE_LIMIT: '10' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  /** A published event with these people invited; their manage tokens by address. */
  async function invited(...emails: string[]): Promise<{ eventId: string; tokens: Map<string, string> }> {
    const start = new Date(api.clock.now().getTime() + (20 + day++) * 86_400_000);
    const event = await createEvent(api, staff, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    await publishEvent(api, staff, event.id);
    await request(api.http)
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(staff))
      .send({ contacts: emails.map((email) => ({ name: 'Sam', email })) })
      .expect(201);
    // Each invitation's link, derived from its registration as the worker derives it.
    const tokens = new Map<string, string>();
    for (const email of emails) {
      tokens.set(email, (await registrationOf(api, event.id, email)).manageToken);
    }
    return { eventId: event.id, tokens };
  }

  const suppressions = async () =>
    (await api.dataSource.query('SELECT count(*)::int AS n FROM invitation_suppressions'))[0].n as number;

  const inviteCounts = async (eventId: string, email: string) =>
    (
      await request(api.http)
        .post(`/api/v1/events/${eventId}/invitations`)
        .set(bearer(staff))
        .send({ contacts: [{ email }] })
    ).body;

  it('GET shows a page with a button and unsubscribes no one (link scanners fetch links)', async () => {
    const { tokens } = await invited('scan@example.org');
    const token = tokens.get('scan@example.org')!;
    const before = await suppressions();
    const page = await request(api.http).get(`/manage/${token}/unsubscribe`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Stop getting invitations');
    expect(page.text).toContain(`<form method="post" action="/manage/${token}/unsubscribe"`);
    // No cookie is set: the page's form works without one.
    expect(page.headers['set-cookie']).toBeUndefined();
    await request(api.http).head(`/manage/${token}/unsubscribe`);
    expect(await suppressions()).toBe(before);
  });

  it("takes a mail provider's one-click POST with no cookie or CSRF token, and later invitations skip the address", async () => {
    const { tokens } = await invited('one.click@example.org', 'stays@example.org');
    const res = await request(api.http)
      .post(`/manage/${tokens.get('one.click@example.org')}/unsubscribe`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect(res.text).toContain('You will not get any more invitations from us');
    const [row] = await api.dataSource.query(
      'SELECT source FROM invitation_suppressions ORDER BY created_at DESC LIMIT 1',
    );
    expect(row.source).toBe('one-click');

    const other = await invited('stays@example.org');
    expect(await inviteCounts(other.eventId, 'ONE.CLICK@example.org')).toEqual({
      invited: 0,
      alreadyInvited: 0,
      unsubscribed: 1,
      duplicates: 0,
    });
  });

  it("is not held to the per-address limit: a provider's servers post many people's one-clicks", async () => {
    const emails = Array.from({ length: 15 }, (_, n) => `many.${n}@example.org`);
    const { tokens } = await invited(...emails);
    const answers = [];
    for (const email of emails) {
      answers.push(
        (
          await request(api.http)
            .post(`/manage/${tokens.get(email)}/unsubscribe`)
            .type('form')
            .send('List-Unsubscribe=One-Click')
        ).status,
      );
    }
    expect(answers).toEqual(emails.map(() => 200));
  });

  it('takes the one-click POST as multipart/form-data too (RFC 8058 example)', async () => {
    const { eventId, tokens } = await invited('multipart@example.org');
    const res = await request(api.http)
      .post(`/manage/${tokens.get('multipart@example.org')}/unsubscribe`)
      .field('List-Unsubscribe', 'One-Click');
    expect(res.status).toBe(200);
    const next = await invited('someone.else@example.org');
    expect((await inviteCounts(next.eventId, 'multipart@example.org')).unsubscribed).toBe(1);
    expect(eventId).not.toBe(next.eventId);
  });

  it('the page button unsubscribes, keeps a place already held, and its messages still go', async () => {
    const { eventId, tokens } = await invited('has.place@example.org');
    const token = tokens.get('has.place@example.org')!;
    await request(api.http)
      .patch(`/api/v1/public/registrations/${token}`)
      .send({ response: 'accept' })
      .expect(200);

    const res = await request(api.http).post(`/manage/${token}/unsubscribe`).type('form').send('');
    expect(res.status).toBe(200);
    expect(res.text).toContain('You still have your place at');
    const [registration] = await api.dataSource.query(
      "SELECT status FROM registrations WHERE event_id = $1 AND email = 'has.place@example.org'",
      [eventId],
    );
    expect(registration.status).toBe('confirmed');
    const pending = await api.dataSource.query(
      "SELECT kind FROM notifications WHERE event_id = $1 AND status = 'pending' AND recipient_email = 'has.place@example.org' ORDER BY kind",
      [eventId],
    );
    expect(pending.map((row: { kind: string }) => row.kind)).toEqual(
      expect.arrayContaining(['confirmation', 'reminder']),
    );
    const [row] = await api.dataSource.query(
      'SELECT source FROM invitation_suppressions ORDER BY created_at DESC LIMIT 1',
    );
    expect(row.source).toBe('unsubscribe-page');

    // Twice is fine.
    expect((await request(api.http).post(`/manage/${token}/unsubscribe`)).status).toBe(200);
  });

  it('is a 404 page for a token that matches nothing, or is malformed', async () => {
    for (const token of [newSecretToken('rtm'), 'not-a-token']) {
      const get = await request(api.http).get(`/manage/${token}/unsubscribe`);
      expect(get.status).toBe(404);
      expect(get.text).toContain('Page not found');
      expect((await request(api.http).post(`/manage/${token}/unsubscribe`)).status).toBe(404);
    }
  });
});
