import request from 'supertest';
import { bearer, countRows, expectError } from '../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';

/** Every body this file sees, to show no password hash ever leaves the api. */
const seen: string[] = [];

describe('identity: sign-in, sessions and users', () => {
  let api: TestApi;
  let adminToken: string;

  // Many sign-ins below: keep the login limit (tested in login-throttling.int-spec.ts) out of the way.
  beforeAll(async () => {
    api = await createTestApi('identity', { env: { LOGIN_RATE_LIMIT: '1000' } });
    adminToken = await api.tokenFor('admin');
  });
  afterAll(() => api.close());

  const record = (res: request.Response) => {
    seen.push(JSON.stringify(res.body));
    return res;
  };
  const login = async (email: string, password: string) =>
    record(await request(api.http).post('/api/v1/auth/login').send({ email, password }));
  const createUser = async (body: Record<string, unknown>, token = adminToken) =>
    record(await request(api.http).post('/api/v1/users').set(bearer(token)).send(body));
  const me = async (token: string) =>
    record(await request(api.http).get('/api/v1/auth/me').set(bearer(token)));

  describe('the first admin', () => {
    it('is created from ADMIN_EMAIL and ADMIN_PASSWORD, once', async () => {
      const rows = await api.dataSource.query(
        `SELECT email, role, name, password_hash FROM users WHERE role = 'admin'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ email: ADMIN.email, role: 'admin' });
      // Stored as an argon2id hash, never as the password itself.
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(rows[0].password_hash).not.toContain(ADMIN.password);
    });

    it('signs in and gets a token, its expiry and the user', async () => {
      const res = await login(ADMIN.email, ADMIN.password);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        token: expect.stringMatching(/^rts_[A-Za-z0-9_-]{40,}$/),
        expiresAt: '2026-01-16T00:00:00.000Z',
        user: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          email: ADMIN.email,
          name: 'Administrator',
          role: 'admin',
          partnerId: null,
          deactivatedAt: null,
          lastSignedInAt: expect.stringMatching(/Z$/),
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        },
      });
    });

    it('signs in whatever the case (and surrounding spaces) of the email', async () => {
      const res = await login('  Admin@ROUNDTABLE.test ', ADMIN.password);
      expect(res.status).toBe(200);
      expect(res.body.user.email).toBe(ADMIN.email);
    });
  });

  describe('POST /api/v1/auth/login', () => {
    it('refuses a wrong password and an unknown email alike, with 401', async () => {
      const wrong = await login(ADMIN.email, 'not-the-password');
      const unknown = await login('nobody@roundtable.test', ADMIN.password);
      expect(expectError(wrong, 401)).toMatch(/email address or password/);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('does not take the password case-insensitively', async () => {
      expect((await login(ADMIN.email, ADMIN.password.toUpperCase())).status).toBe(401);
    });

    it.each([
      ['no body fields', {}, /email/],
      ['no password', { email: ADMIN.email }, /password/],
      ['an email that is not text', { email: 42, password: ADMIN.password }, /email/],
      ['a password that is a list', { email: ADMIN.email, password: [ADMIN.password] }, /password/],
      ['an empty password', { email: ADMIN.email, password: '' }, /password is required/],
      [
        'an unknown field',
        { email: ADMIN.email, password: ADMIN.password, remember: true },
        /remember is not a field we accept/,
      ],
    ])('answers %s with 400 and starts no session', async (_, body, message) => {
      const sessions = await countRows(api, 'sessions');
      const res = record(await request(api.http).post('/api/v1/auth/login').send(body));
      expect(expectError(res, 400)).toMatch(message);
      expect(await countRows(api, 'sessions')).toBe(sessions);
    });
  });

  describe('GET /api/v1/auth/me and POST /api/v1/auth/logout', () => {
    it('says who is signed in', async () => {
      const res = await me(adminToken);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
    });

    it('ends the session: the token stops working, and signing out again is 401', async () => {
      const { body } = await login(ADMIN.email, ADMIN.password);
      expect((await me(body.token)).status).toBe(200);
      const out = await request(api.http).post('/api/v1/auth/logout').set(bearer(body.token));
      expect(out.status).toBe(204);
      expect(out.text).toBe('');
      expectError(await me(body.token), 401);
      expectError(await request(api.http).post('/api/v1/auth/logout').set(bearer(body.token)), 401);
      // Other sessions of the same user carry on.
      expect((await me(adminToken)).status).toBe(200);
    });

    it('stops accepting a token once it has expired (SESSION_TTL_HOURS, 12 by default)', async () => {
      const { body } = await login(ADMIN.email, ADMIN.password);
      const start = api.clock.now();
      try {
        api.clock.advance(12 * 3_600_000 - 1000);
        expect((await me(body.token)).status).toBe(200);
        api.clock.advance(2000);
        expect(expectError(await me(body.token), 401)).toMatch(/expired/);
      } finally {
        api.clock.set(start);
      }
    });
  });

  describe('POST /api/v1/users', () => {
    it('creates an organiser with the given password, who can then sign in', async () => {
      const res = await createUser({
        email: 'Sam.Organiser@Halesowen.test',
        name: ' Sam Organiser ',
        role: 'organiser',
        password: 'a-long-password-1',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        email: 'sam.organiser@halesowen.test',
        name: 'Sam Organiser',
        role: 'organiser',
        partnerId: null,
        deactivatedAt: null,
        lastSignedInAt: null,
        createdAt: expect.stringMatching(/Z$/),
      });
      const signedIn = await login('sam.organiser@halesowen.test', 'a-long-password-1');
      expect(signedIn.status).toBe(200);
      expect((await me(signedIn.body.token)).body).toMatchObject({ id: res.body.id, role: 'organiser' });
    });

    it('without a password, generates one and shows it once; it works for sign-in', async () => {
      const res = await createUser({ email: 'kim@halesowen.test', name: 'Kim', role: 'admin' });
      expect(res.status).toBe(201);
      const { initialPassword } = res.body;
      expect(initialPassword).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]{16}$/));
      const signedIn = await login('kim@halesowen.test', initialPassword);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user).not.toHaveProperty('initialPassword');
      expect((await me(signedIn.body.token)).body).not.toHaveProperty('initialPassword');
      // Not stored in clear.
      const [row] = await api.dataSource.query(
        `SELECT password_hash FROM users WHERE email = 'kim@halesowen.test'`,
      );
      expect(row.password_hash).not.toContain(initialPassword);
    });

    it('refuses a second user with the same email, whatever its case, with 409', async () => {
      await createUser({
        email: 'lee@halesowen.test',
        name: 'Lee',
        role: 'organiser',
        password: 'a-long-password-2',
      });
      const users = await countRows(api, 'users');
      const res = await createUser({
        email: 'LEE@halesowen.test',
        name: 'Lee again',
        role: 'admin',
        password: 'a-long-password-3',
      });
      expect(expectError(res, 409)).toContain('lee@halesowen.test');
      expect(await countRows(api, 'users')).toBe(users);
      // The first account is untouched.
      expect((await login('lee@halesowen.test', 'a-long-password-2')).status).toBe(200);
    });

    it.each([
      ['no fields', {}, /email/],
      ['no email', { name: 'Ash', role: 'organiser' }, /email/],
      ['no name', { email: 'ash@halesowen.test', role: 'organiser' }, /name/],
      [
        'no role',
        { email: 'ash@halesowen.test', name: 'Ash' },
        /role must be one of: admin, organiser, partner/,
      ],
      [
        'an email that is not one',
        { email: 'ash', name: 'Ash', role: 'organiser' },
        /email must be an email address/,
      ],
      ['an email that is a number', { email: 7, name: 'Ash', role: 'organiser' }, /email/],
      ['a name that is a number', { email: 'ash@halesowen.test', name: 7, role: 'organiser' }, /name/],
      [
        'an unknown role',
        { email: 'ash@halesowen.test', name: 'Ash', role: 'superuser' },
        /role must be one of/,
      ],
      [
        'a short password',
        { email: 'ash@halesowen.test', name: 'Ash', role: 'organiser', password: 'short' },
        /at least 12 characters/,
      ],
      [
        'a partner user without partnerId',
        { email: 'ash@halesowen.test', name: 'Ash', role: 'partner' },
        /partnerId/,
      ],
      [
        'a partnerId for staff',
        {
          email: 'ash@halesowen.test',
          name: 'Ash',
          role: 'organiser',
          partnerId: '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f',
        },
        /partnerId/,
      ],
      [
        'an unknown field',
        { email: 'ash@halesowen.test', name: 'Ash', role: 'organiser', isAdmin: true },
        /isAdmin is not a field we accept/,
      ],
    ])('answers %s with 400 and creates nobody', async (_, body, message) => {
      const users = await countRows(api, 'users');
      expect(expectError(await createUser(body), 400)).toMatch(message);
      expect(await countRows(api, 'users')).toBe(users);
    });
  });

  // Runs last: jest runs a file's tests in order.
  it('never showed a password hash in any response above', () => {
    expect(seen.length).toBeGreaterThan(30);
    for (const body of seen) expect(body).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });
});
