import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  venueInput,
} from '../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * Bodies that never reach a controller: broken JSON and bodies over BODY_LIMIT (100kb) are
 * answered in API.md's error shape by every write route, and write nothing.
 */
describe('request bodies on every write route', () => {
  let api: TestApi;
  let adminToken: string;
  let ids: { venueId: string; eventId: string };

  beforeAll(async () => {
    api = await createTestApi('request-bodies', { env: { LOGIN_RATE_LIMIT: '1000' } });
    adminToken = await api.tokenFor('admin');
    const venue = await createVenue(api, adminToken);
    const event = await createEvent(api, adminToken, { venueId: venue.id });
    ids = { venueId: venue.id, eventId: event.id };
  });
  afterAll(() => api.close());

  const writeRoutes: Array<[string, 'post' | 'patch', () => string, () => Record<string, unknown>]> = [
    ['POST /api/v1/auth/login', 'post', () => '/api/v1/auth/login', () => ({ ...ADMIN })],
    [
      'POST /api/v1/users',
      'post',
      () => '/api/v1/users',
      () => ({ email: 'big@roundtable.test', name: 'Big', role: 'organiser' }),
    ],
    ['POST /api/v1/venues', 'post', () => '/api/v1/venues', () => venueInput()],
    ['PATCH /api/v1/venues/:id', 'patch', () => `/api/v1/venues/${ids.venueId}`, () => ({ name: 'Changed' })],
    [
      'POST /api/v1/events',
      'post',
      () => '/api/v1/events',
      () => ({
        title: 'T',
        kind: 'roundtable',
        startsAt: '2026-03-01T10:00:00Z',
        endsAt: '2026-03-01T11:00:00Z',
        onlineUrl: 'https://meet.example.org/x',
      }),
    ],
    [
      'PATCH /api/v1/events/:id',
      'patch',
      () => `/api/v1/events/${ids.eventId}`,
      () => ({ title: 'Changed' }),
    ],
    // Publish takes no body, but a broken one is still refused before anything happens.
    [
      'POST /api/v1/events/:id/publish',
      'post',
      () => `/api/v1/events/${ids.eventId}/publish`,
      () => ({ confirm: true }),
    ],
    [
      'POST /api/v1/events/:id/cancel',
      'post',
      () => `/api/v1/events/${ids.eventId}/cancel`,
      () => ({ reason: 'Changed' }),
    ],
  ];

  /** Everything a write could touch, to compare before and after. */
  const snapshot = async () => ({
    users: await countRows(api, 'users'),
    sessions: await countRows(api, 'sessions'),
    venues: await api.dataSource.query('SELECT id, name, updated_at FROM venues ORDER BY id'),
    events: await api.dataSource.query(
      'SELECT id, title, status, sequence, updated_at FROM events ORDER BY id',
    ),
  });

  describe.each(writeRoutes)('%s', (_, method, path, body) => {
    const send = () =>
      request(api.http)[method](path()).set(bearer(adminToken)).set('Content-Type', 'application/json');

    it.each([
      ['cut short', (text: string) => text.slice(0, -3)],
      ['with a trailing comma', (text: string) => `${text.slice(0, -1)},}`],
      ['with single quotes', (text: string) => text.replace(/"/g, "'")],
      ['that is not JSON at all', () => 'title=Hello'],
    ])('answers JSON %s with 400 and writes nothing', async (__, mangle) => {
      const before = await snapshot();
      const res = await send().send(mangle(JSON.stringify(body())));
      expect(expectError(res, 400)).toMatch(/the request body is not valid JSON/);
      expect(await snapshot()).toEqual(before);
    });

    it('answers a body over 100kb with 413 and writes nothing', async () => {
      const before = await snapshot();
      const res = await send().send(JSON.stringify({ ...body(), padding: 'x'.repeat(110 * 1024) }));
      expect(expectError(res, 413)).toMatch(/larger than the limit of 100kb/);
      expect(await snapshot()).toEqual(before);
    });

    it('answers a JSON null or number body with 400, never 500', async () => {
      const before = await snapshot();
      for (const text of ['null', '42', '"text"']) {
        const res = await send().send(text);
        expect(res.status).toBe(400);
        expectError(res, 400);
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  it('takes a body just under the limit', async () => {
    const res = await request(api.http)
      .post('/api/v1/events')
      .set(bearer(adminToken))
      .send({
        title: 'Long description',
        kind: 'roundtable',
        description: 'x'.repeat(9_000),
        startsAt: '2026-03-02T10:00:00Z',
        endsAt: '2026-03-02T11:00:00Z',
        onlineUrl: 'https://meet.example.org/y',
      });
    expect(res.status).toBe(201);
  });
});
