import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  slot,
  venueInput,
} from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * Who may use which staff route (API.md): no token or a bad one is 401, a role without access
 * 403, and both staff roles may run venues and events.
 */
describe('staff route access', () => {
  let api: TestApi;
  let adminToken: string;
  let organiserToken: string;
  let day = 0;

  beforeAll(async () => {
    api = await createTestApi('access');
    adminToken = await api.tokenFor('admin');
    organiserToken = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  interface Target {
    venueId: string;
    eventId: string;
  }

  interface StaffRoute {
    method: 'get' | 'post' | 'patch';
    path: (target: Target) => string;
    body?: (target: Target) => Record<string, unknown>;
    /** What an allowed caller gets. */
    allowed: number;
  }

  const staffRoutes: Record<string, StaffRoute> = {
    'POST /api/v1/venues': {
      method: 'post',
      path: () => '/api/v1/venues',
      body: () => venueInput(),
      allowed: 201,
    },
    'GET /api/v1/venues': { method: 'get', path: () => '/api/v1/venues', allowed: 200 },
    'GET /api/v1/venues/:id': { method: 'get', path: (t) => `/api/v1/venues/${t.venueId}`, allowed: 200 },
    'PATCH /api/v1/venues/:id': {
      method: 'patch',
      path: (t) => `/api/v1/venues/${t.venueId}`,
      body: () => ({ name: 'Renamed' }),
      allowed: 200,
    },
    'POST /api/v1/events': {
      method: 'post',
      path: () => '/api/v1/events',
      body: () => ({
        title: 'Access check',
        kind: 'roundtable',
        ...slot(api, 40 + day++),
        onlineUrl: 'https://meet.example.org/a',
      }),
      allowed: 201,
    },
    'GET /api/v1/events': { method: 'get', path: () => '/api/v1/events', allowed: 200 },
    'GET /api/v1/events/:id': { method: 'get', path: (t) => `/api/v1/events/${t.eventId}`, allowed: 200 },
    'PATCH /api/v1/events/:id': {
      method: 'patch',
      path: (t) => `/api/v1/events/${t.eventId}`,
      body: () => ({ title: 'Renamed' }),
      allowed: 200,
    },
    'POST /api/v1/events/:id/publish': {
      method: 'post',
      path: (t) => `/api/v1/events/${t.eventId}/publish`,
      allowed: 200,
    },
    'POST /api/v1/events/:id/cancel': {
      method: 'post',
      path: (t) => `/api/v1/events/${t.eventId}/cancel`,
      body: () => ({ reason: 'Checking access' }),
      allowed: 200,
    },
  };

  const send = (route: StaffRoute, target: Target, headers: Record<string, string>) => {
    const req = request(api.http)[route.method](route.path(target)).set(headers);
    return route.body ? req.send(route.body(target)) : req;
  };

  /** A fresh venue and draft event, so each caller's publish or cancel has something to act on. */
  const freshTarget = async (): Promise<Target> => {
    const venue = await createVenue(api, adminToken);
    const event = await createEvent(api, adminToken, { ...slot(api, 100 + day++) });
    return { venueId: venue.id, eventId: event.id };
  };

  const refusedCallers: Array<[string, () => Record<string, string>]> = [
    ['no token', () => ({})],
    ['an unknown token', () => bearer('rts_this-token-was-never-issued-by-us')],
    ['a malformed Authorization header', () => ({ Authorization: 'Bearer' })],
    [
      'a Basic Authorization header',
      () => ({ Authorization: `Basic ${Buffer.from('admin:password').toString('base64')}` }),
    ],
    // The API takes bearer tokens only: a session cookie alone must not work (CSRF).
    ['a valid token sent as the session cookie', () => ({ Cookie: `rt_session=${adminToken}` })],
  ];

  describe.each(Object.entries(staffRoutes))('%s', (_, route) => {
    it.each(refusedCallers)('is 401 with %s, and writes nothing', async (__, headers) => {
      const target = await freshTarget();
      const before = { venues: await countRows(api, 'venues'), events: await countRows(api, 'events') };
      const [eventBefore] = await api.dataSource.query('SELECT title, status FROM events WHERE id = $1', [
        target.eventId,
      ]);
      const message = expectError(await send(route, target, headers()), 401);
      expect(message).toMatch(/sign in|token/);
      expect({ venues: await countRows(api, 'venues'), events: await countRows(api, 'events') }).toEqual(
        before,
      );
      expect(
        await api.dataSource.query('SELECT title, status FROM events WHERE id = $1', [target.eventId]),
      ).toEqual([eventBefore]);
    });

    it.each([['an organiser', () => organiserToken] as const, ['an admin', () => adminToken] as const])(
      'is allowed for %s',
      async (__, token) => {
        const target = await freshTarget();
        const res = await send(route, target, bearer(token()));
        expect({ status: res.status, body: res.body }).toMatchObject({ status: route.allowed });
      },
    );
  });

  describe('POST /api/v1/users (admins only)', () => {
    const newUser = () => ({
      email: `new-${day++}@roundtable.test`,
      name: 'New Person',
      role: 'organiser',
      password: 'a-long-password-9',
    });

    it.each(refusedCallers)('is 401 with %s', async (__, headers) => {
      const users = await countRows(api, 'users');
      expectError(await request(api.http).post('/api/v1/users').set(headers()).send(newUser()), 401);
      expect(await countRows(api, 'users')).toBe(users);
    });

    it('is 403 for an organiser, naming the role needed, and creates nobody', async () => {
      const users = await countRows(api, 'users');
      const res = await request(api.http).post('/api/v1/users').set(bearer(organiserToken)).send(newUser());
      expect(expectError(res, 403)).toMatch(/admin/);
      expect(res.body.error).toBe('Forbidden');
      expect(await countRows(api, 'users')).toBe(users);
    });

    it('is allowed for an admin', async () => {
      expect(
        (await request(api.http).post('/api/v1/users').set(bearer(adminToken)).send(newUser())).status,
      ).toBe(201);
    });
  });

  describe.each([
    ['GET', '/api/v1/auth/me'],
    ['POST', '/api/v1/auth/logout'],
  ])('%s %s (any signed-in user)', (method, path) => {
    const call = (headers: Record<string, string>) =>
      (method === 'GET' ? request(api.http).get(path) : request(api.http).post(path)).set(headers);

    it.each(refusedCallers)('is 401 with %s', async (__, headers) => {
      const res = await call(headers());
      expectError(res, 401);
      expect(res.body.error).toBe('Unauthorized');
    });

    it('is allowed for an organiser', async () => {
      // A token of its own, so logging out here does not sign the rest of the file out.
      const organiser = await request(api.http)
        .post('/api/v1/users')
        .set(bearer(adminToken))
        .send({
          email: `me-${day++}@roundtable.test`,
          name: 'Me',
          role: 'organiser',
          password: 'a-long-password-8',
        });
      const signedIn = await request(api.http)
        .post('/api/v1/auth/login')
        .send({ email: organiser.body.email, password: 'a-long-password-8' });
      expect((await call(bearer(signedIn.body.token))).status).toBe(method === 'GET' ? 200 : 204);
    });
  });
});
