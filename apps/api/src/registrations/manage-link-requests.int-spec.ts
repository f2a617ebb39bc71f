import request from 'supertest';
import { bearer, countRows, createEvent, publishEvent, slot } from '../../../../test/support/fixtures';
import { registerAndRead, registrationOf } from '../../../../test/support/registered';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * "Send me my link again", and registering an address that already has a registration: the
 * answer never differs, nothing typed changes the row, only the address is emailed, and the
 * emails a stranger can cause are limited (issue 8, defects 1 and 4). Limits are lowered here so
 * the tests stay short: 3 per address and event, 4 per address, 5 per event an hour.
 */
describe('manage link requests', () => {
  let api: TestApi;
  let staff: string;
  let day = 30;

  beforeAll(async () => {
    api = await createTestApi('manage-link-requests', {
      env: {
        PUBLIC_RATE_LIMIT: '100000',
        LINK_EMAILS_PER_ADDRESS_PER_EVENT: '3',
        LINK_EMAILS_PER_ADDRESS: '4',
        LINK_EMAILS_PER_EVENT_PER_HOUR: '5',
      },
    });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  async function publishedEvent() {
    const event = await createEvent(api, staff, slot(api, day++));
    await publishEvent(api, staff, event.id);
    return event as { id: string };
  }

  const person = (email: string, overrides: Record<string, unknown> = {}) => ({
    name: 'Sam Carer',
    email,
    role: 'parent_carer',
    ...overrides,
  });
  const askForLink = (eventId: string, email: string) =>
    request(api.http).post(`/api/v1/public/events/${eventId}/manage-link`).send({ email });
  const linkRows = async (email: string, eventId?: string): Promise<number> =>
    (
      await api.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications
          WHERE kind = 'manage-link' AND recipient_email = $1 AND ($2::uuid IS NULL OR event_id = $2)`,
        [email, eventId ?? null],
      )
    )[0].n;

  it('answers "send me my link" the same whatever the address, and emails only an address that has a registration', async () => {
    const event = await publishedEvent();
    await registerAndRead(api, event.id, person('known@example.org'));
    const known = await askForLink(event.id, 'Known@Example.org');
    const unknown = await askForLink(event.id, 'stranger@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(Object.keys(known.body).sort()).toEqual(['message', 'status']);
    expect(known.body.message.replace('Known@Example.org', 'X')).toBe(
      unknown.body.message.replace('stranger@example.org', 'X'),
    );
    expect(await linkRows('known@example.org', event.id)).toBe(1);
    expect(await linkRows('stranger@example.org')).toBe(0);
  });

  it('answers 404 for an event that does not exist or is not published, as registering does', async () => {
    const before = await linkRows('known@example.org');
    const missing = await askForLink('00000000-0000-4000-8000-000000000000', 'known@example.org');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/no published event/);
    expect(await linkRows('known@example.org')).toBe(before);
  });

  it('opens nothing with a link made under a key taken out of LINK_KEYS: rotating a leaked key out revokes its links', async () => {
    const event = await publishedEvent();
    await registerAndRead(api, event.id, person('rotated@example.org'));
    const { manageToken } = await registrationOf(api, event.id, 'rotated@example.org');
    expect((await request(api.http).get(`/api/v1/public/registrations/${manageToken}`)).status).toBe(200);

    // As if the key this link was made under had been taken out of LINK_KEYS since.
    await api.dataSource.query(
      "UPDATE registrations SET link_key_id = 'retired' WHERE event_id = $1 AND email = 'rotated@example.org'",
      [event.id],
    );
    for (const res of [
      await request(api.http).get(`/api/v1/public/registrations/${manageToken}`),
      await request(api.http).patch(`/api/v1/public/registrations/${manageToken}`).send({ accessNeeds: [] }),
      await request(api.http).delete(`/api/v1/public/registrations/${manageToken}`),
      await request(api.http).post(`/api/v1/public/registrations/${manageToken}/unsubscribe`),
      await request(api.http).get(`/manage/${manageToken}`),
    ]) {
      expect(res.status).toBe(404);
    }
    const [row] = await api.dataSource.query(
      "SELECT status FROM registrations WHERE event_id = $1 AND email = 'rotated@example.org'",
      [event.id],
    );
    expect(row.status).toBe('confirmed');
  });

  it('documents both answers in the OpenAPI description: 202, status and message, nothing else', async () => {
    const doc = (await request(api.http).get('/docs/openapi.json').expect(200)).body;
    for (const path of [
      '/api/v1/public/events/{id}/registrations',
      '/api/v1/public/events/{id}/manage-link',
    ]) {
      const accepted = doc.paths[path].post.responses['202'];
      expect(accepted.content['application/json'].schema.$ref).toBe(
        '#/components/schemas/RegistrationReceivedView',
      );
    }
    expect(Object.keys(doc.components.schemas.RegistrationReceivedView.properties).sort()).toEqual([
      'message',
      'status',
    ]);
  });

  it('refuses a malformed address with a message, writing nothing', async () => {
    const event = await publishedEvent();
    const before = await countRows(api, 'notifications');
    const res = await askForLink(event.id, 'not an address');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/email must be an email address/);
    expect(
      (await request(api.http).post(`/api/v1/public/events/${event.id}/manage-link`).send({})).status,
    ).toBe(400);
    expect(await countRows(api, 'notifications')).toBe(before);
  });

  it('leaves an invited person untouched when a stranger registers their address, and gives the stranger nothing', async () => {
    const event = await publishedEvent();
    await request(api.http)
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(staff))
      .send({ contacts: [{ name: 'Priya Invited', email: 'priya@example.org' }] })
      .expect(201);
    const own = await registrationOf(api, event.id, 'priya@example.org');
    const [before] = await api.dataSource.query('SELECT * FROM registrations WHERE id = $1', [own.id]);

    const stranger = await registerAndRead(
      api,
      event.id,
      person('priya@example.org', { name: 'Someone Else', accessNeeds: ['easy_read'] }),
    );
    expect(stranger.status).toBe(202);
    expect(JSON.stringify(stranger.reply)).not.toMatch(/rtm_|manage|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const [after] = await api.dataSource.query('SELECT * FROM registrations WHERE id = $1', [own.id]);
    expect(after).toEqual(before);
    expect(await linkRows('priya@example.org', event.id)).toBe(1);
    // Nothing in the reply can unsubscribe her: the list is untouched, and her own link still works.
    const [{ suppressed }] = await api.dataSource.query(
      'SELECT count(*)::int AS suppressed FROM invitation_suppressions',
    );
    expect(suppressed).toBe(0);
    const accepted = await request(api.http)
      .patch(`/api/v1/public/registrations/${own.manageToken}`)
      .send({ response: 'accept' });
    expect(accepted.body).toMatchObject({ status: 'confirmed' });
    const view = await request(api.http).get(`/api/v1/public/registrations/${own.manageToken}`);
    expect(view.body).toMatchObject({ name: 'Priya Invited', accessNeeds: [] });
  });

  it('sends at most 3 link emails per address and event, counting registrations again and requests alike', async () => {
    const event = await publishedEvent();
    const email = 'often@example.org';
    await registerAndRead(api, event.id, person(email));
    const answers = [];
    answers.push((await registerAndRead(api, event.id, person(email))).reply);
    answers.push((await askForLink(event.id, email)).body);
    answers.push((await askForLink(event.id, email)).body);
    expect(await linkRows(email, event.id)).toBe(3);
    // Over the limit: the same answer, nothing sent.
    const over = await askForLink(event.id, email);
    const overRegistration = await registerAndRead(api, event.id, person(email));
    expect(over.status).toBe(202);
    expect(over.body).toEqual(answers[1]);
    expect(overRegistration.status).toBe(202);
    expect(overRegistration.reply).toEqual(answers[0]);
    expect(await linkRows(email, event.id)).toBe(3);
  });

  it('sends at most 4 link emails per address across events, and 5 per event an hour', async () => {
    const [first, second] = [await publishedEvent(), await publishedEvent()];
    const email = 'everywhere@example.org';
    await registerAndRead(api, first.id, person(email));
    await registerAndRead(api, second.id, person(email));
    for (let n = 0; n < 3; n += 1) await askForLink(first.id, email);
    await askForLink(second.id, email);
    await askForLink(second.id, email);
    expect([await linkRows(email, first.id), await linkRows(email, second.id)]).toEqual([3, 1]);

    const busy = await publishedEvent();
    const people = Array.from({ length: 7 }, (_, n) => `busy.${n}@example.org`);
    for (const address of people) await registerAndRead(api, busy.id, person(address));
    for (const address of people) expect((await askForLink(busy.id, address)).status).toBe(202);
    const [{ n }] = await api.dataSource.query(
      "SELECT count(*)::int AS n FROM notifications WHERE kind = 'manage-link' AND event_id = $1",
      [busy.id],
    );
    expect(n).toBe(5);
  });
});
