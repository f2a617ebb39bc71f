import request from 'supertest';
import { bearer, createEvent, expectError, publishEvent } from '../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';
import { csrfOf } from '../../../../test/support/page-html';

const LOGIN_RATE_LIMIT = 3;
const LOGIN_ACCOUNT_FAILURE_LIMIT = 4;
const PUBLIC_RATE_LIMIT = 6;

describe('sign-in throttling', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('login-throttle', {
      env: {
        LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT),
        LOGIN_ACCOUNT_FAILURE_LIMIT: String(LOGIN_ACCOUNT_FAILURE_LIMIT),
        PUBLIC_RATE_LIMIT: String(PUBLIC_RATE_LIMIT),
        // One proxy in front: X-Forwarded-For says who the client is, so each test can be a
        // different address, as each attacker's machine would be.
        TRUST_PROXY: '1',
      },
    });
  });
  afterAll(() => api.close());

  let lastAddress = 0;
  /** A client address no other test has used. */
  const newAddress = () => `203.0.113.${(lastAddress += 1)}`;

  const apiLogin = (from: string, email: string, password: string) =>
    request(api.http).post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

  /** The sign-in page, as a browser at `from` fills it in (with its CSRF cookie and field). */
  const signInPage = async (from: string) => {
    const browser = request.agent(api.http);
    const form = await browser.get('/sign-in').set('X-Forwarded-For', from).expect(200);
    const csrf = csrfOf(form.text);
    return (email: string, password: string) =>
      browser
        .post('/sign-in')
        .set('X-Forwarded-For', from)
        .type('form')
        .send({ _csrf: csrf, email, password });
  };

  /** Retry-After (RFC 9110) in whole seconds, between 1 and `atMost`. */
  const expectRetryAfter = (res: request.Response, atMost: number) => {
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    const seconds = Number(res.headers['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(atMost);
  };

  it('allows LOGIN_RATE_LIMIT attempts a minute, then answers 429 with a message, even for the right password', async () => {
    for (let attempt = 1; attempt <= LOGIN_RATE_LIMIT; attempt += 1) {
      expect((await apiLogin('198.51.100.1', ADMIN.email, `wrong-guess-${attempt}`)).status).toBe(401);
    }
    const fourth = await apiLogin('198.51.100.1', ADMIN.email, ADMIN.password);
    expect(expectError(fourth, 429)).toMatch(/too many requests: wait a minute/);
    expect(fourth.body.error).toBe('Too Many Requests');
    expect(fourth.body).not.toHaveProperty('token');
    expectRetryAfter(fourth, 60);
  });

  it('shares one budget per address between the API login and the sign-in page', async () => {
    const from = newAddress();
    const page = await signInPage(from);
    expect((await apiLogin(from, 'nobody@example.org', 'guess-1')).status).toBe(401);
    expect((await page('nobody@example.org', 'guess-2')).status).toBe(400);
    expect((await apiLogin(from, 'someone@example.org', 'guess-3')).status).toBe(401);
    // The budget is spent, through either door.
    const byPage = await page(ADMIN.email, ADMIN.password);
    expectRetryAfter(byPage, 60);
    expect(byPage.headers['content-type']).toMatch(/^text\/html/);
    expect(byPage.text).toContain('Too many attempts');
    expect(byPage.headers['set-cookie'] ?? []).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/session/i)]),
    );
    expectRetryAfter(await apiLogin(from, ADMIN.email, ADMIN.password), 60);
    // Another address has a budget of its own.
    expect((await apiLogin(newAddress(), ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('refuses an account after LOGIN_ACCOUNT_FAILURE_LIMIT failures from any addresses, even with the right password, and answers the same for an address with no account', async () => {
    const admin = await api.tokenFor('admin');
    const target = { email: 'Olu.Target@Roundtable.test', password: 'target-password-1' };
    await request(api.http)
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...target, name: 'Olu Target', role: 'organiser' })
      .expect(201);
    const unknown = 'no-such-person@roundtable.test';

    // Each guess from an address of its own, so no per-address limit is reached; the address is
    // written in different cases, which are one address. The page's failures count too.
    for (let attempt = 1; attempt < LOGIN_ACCOUNT_FAILURE_LIMIT; attempt += 1) {
      const email = attempt % 2 ? target.email.toLowerCase() : target.email.toUpperCase();
      expect((await apiLogin(newAddress(), email, `guess-${attempt}`)).status).toBe(401);
      expect((await apiLogin(newAddress(), unknown, `guess-${attempt}`)).status).toBe(401);
    }
    expect((await (await signInPage(newAddress()))(target.email, 'guess-last')).status).toBe(400);
    expect((await (await signInPage(newAddress()))(unknown, 'guess-last')).status).toBe(400);

    const known = await apiLogin(newAddress(), target.email, target.password);
    const nobody = await apiLogin(newAddress(), unknown, target.password);
    expect(expectError(known, 429)).toMatch(
      /too many failed sign-ins for this email address: try again in 15 minutes/,
    );
    expect(known.body).not.toHaveProperty('token');
    expectRetryAfter(known, 15 * 60);
    // Nothing tells a guesser that one address has an account and the other has not.
    expect({ status: nobody.status, body: nobody.body }).toEqual({ status: known.status, body: known.body });
    expectRetryAfter(nobody, 15 * 60);

    const byPage = await (await signInPage(newAddress()))(target.email, target.password);
    expectRetryAfter(byPage, 15 * 60);
    expect(byPage.text).toContain('Too many attempts');
    expect(byPage.text).toContain('try again in 15 minutes');

    // Other accounts are not affected.
    expect((await apiLogin(newAddress(), ADMIN.email, ADMIN.password)).status).toBe(200);
  });

  it('checks at most LOGIN_ACCOUNT_FAILURE_LIMIT passwords for an account even when the guesses arrive at once, and a right password gives its attempt back', async () => {
    const admin = await api.tokenFor('admin');
    const target = { email: 'ade.parallel@roundtable.test', password: 'parallel-password-1' };
    await request(api.http)
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...target, name: 'Ade Parallel', role: 'organiser' })
      .expect(201);
    // Signing in rightly, again and again, uses none of the account's failures.
    for (let time = 0; time < LOGIN_ACCOUNT_FAILURE_LIMIT + 1; time += 1) {
      expect((await apiLogin(newAddress(), target.email, target.password)).status).toBe(200);
    }
    // Five times the limit, all at once, each from an address of its own.
    const answers = await Promise.all(
      Array.from({ length: LOGIN_ACCOUNT_FAILURE_LIMIT * 5 }, (_, n) =>
        apiLogin(newAddress(), target.email, `parallel-guess-${n}`),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_ACCOUNT_FAILURE_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(LOGIN_ACCOUNT_FAILURE_LIMIT * 4);
  });

  it('sends Retry-After on the public routes’ 429s too, API and pages', async () => {
    const admin = await api.tokenFor('admin');
    const event = await createEvent(api, admin);
    await publishEvent(api, admin, event.id);
    for (const path of ['/api/v1/public/events', `/events/${event.id}`]) {
      const from = newAddress();
      const get = () => request(api.http).get(path).set('X-Forwarded-For', from);
      for (let attempt = 1; attempt <= PUBLIC_RATE_LIMIT; attempt += 1)
        expect((await get()).status).toBe(200);
      expectRetryAfter(await get(), 60);
    }
  });

  it('leaves other routes alone', async () => {
    expect((await request(api.http).get('/api/v1/public/events')).status).toBe(200);
    expect((await request(api.http).get('/health')).status).toBe(200);
  });
});
