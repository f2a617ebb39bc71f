import request from 'supertest';
import { countRows, createEvent, publishEvent, slot } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const FLOOR_MS = 250;
const PER_ADDRESS = 2;

/**
 * What a stranger can learn or cause through the public registration routes, beyond their bodies
 * (which registrations.int-spec and manage-link-requests.int-spec check are the same for every
 * address): every answer that could tell a known address from a new one by its timing leaves no
 * sooner than PUBLIC_ANSWER_FLOOR_MS; and one address cannot be signed up to every event.
 */
describe('public answers', () => {
  let api: TestApi;
  let staff: string;
  let day = 40;

  beforeAll(async () => {
    api = await createTestApi('public-answers', {
      env: {
        PUBLIC_RATE_LIMIT: '100000',
        PUBLIC_ANSWER_FLOOR_MS: String(FLOOR_MS),
        PUBLIC_REGISTRATIONS_PER_ADDRESS: String(PER_ADDRESS),
      },
    });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  async function publishedEvent(): Promise<{ id: string }> {
    const event = await createEvent(api, staff, slot(api, day++));
    await publishEvent(api, staff, event.id);
    return event;
  }

  const person = (email: string) => ({ name: 'Sam Jones', email, role: 'parent_carer' });

  /** How long the answer took, in milliseconds, with the answer. */
  async function timed(send: () => request.Test): Promise<{ ms: number; status: number }> {
    const started = performance.now();
    const res = await send();
    return { ms: performance.now() - started, status: res.status };
  }

  it('answers registering and "send me my link" no sooner than the floor, for a new address and a known one alike', async () => {
    const event = await publishedEvent();
    const register = (email: string) => () =>
      request(api.http).post(`/api/v1/public/events/${event.id}/registrations`).send(person(email));
    const askForLink = (email: string) => () =>
      request(api.http).post(`/api/v1/public/events/${event.id}/manage-link`).send({ email });

    const answers = {
      'registering a new address': await timed(register('floor.new@example.org')),
      'registering it again': await timed(register('floor.new@example.org')),
      'a link for a known address': await timed(askForLink('floor.new@example.org')),
      'a link for an unknown address': await timed(askForLink('floor.unknown@example.org')),
    };
    for (const [what, answer] of Object.entries(answers)) {
      expect({ what, status: answer.status }).toEqual({ what, status: 202 });
      expect({ what, atLeastTheFloor: answer.ms >= FLOOR_MS - 1 }).toEqual({ what, atLeastTheFloor: true });
    }
  });

  it('holds the public registration form to the floor too', async () => {
    const event = await publishedEvent();
    const browser = request.agent(api.http);
    const form = await browser.get(`/events/${event.id}/register`).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    const answer = await timed(() =>
      browser
        .post(`/events/${event.id}/register`)
        .type('form')
        .send({ _csrf: csrf, ...person('floor.page@example.org') }),
    );
    expect(answer.status).toBe(303);
    expect(answer.ms).toBeGreaterThanOrEqual(FLOOR_MS - 1);
  });

  it('gives one address at most PUBLIC_REGISTRATIONS_PER_ADDRESS new registrations a day across events, answering the same when it stops', async () => {
    const events = [await publishedEvent(), await publishedEvent(), await publishedEvent()];
    const email = 'signed.up.everywhere@example.org';
    const replies = [];
    for (const event of events) {
      const before = {
        registrations: await countRows(api, 'registrations'),
        mail: await countRows(api, 'notifications'),
      };
      const res = await request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send(person(email));
      replies.push({ status: res.status, body: res.body });
      const after = {
        registrations: await countRows(api, 'registrations'),
        mail: await countRows(api, 'notifications'),
      };
      const allowed = replies.length <= PER_ADDRESS;
      expect({ event: replies.length, made: after.registrations - before.registrations }).toEqual({
        event: replies.length,
        made: allowed ? 1 : 0,
      });
      if (!allowed) expect(after.mail).toBe(before.mail);
    }
    // The stranger cannot tell the refused one from the others.
    expect(replies[PER_ADDRESS]).toEqual(replies[0]);
    // Another address is not held back by this one's limit.
    const other = await request(api.http)
      .post(`/api/v1/public/events/${events[2].id}/registrations`)
      .send(person('someone.else@example.org'));
    expect(other.status).toBe(202);
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM registrations WHERE email = $1',
      ['someone.else@example.org'],
    );
    expect(n).toBe(1);
  });
});
