import request from 'supertest';
import { expectError } from '../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';

describe('sign-in throttling', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('login-throttle', { env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => api.close());

  const login = (password: string) =>
    request(api.http).post('/api/v1/auth/login').send({ email: ADMIN.email, password });

  it('allows LOGIN_RATE_LIMIT attempts a minute, then answers 429 with a message, even for the right password', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await login(`wrong-guess-${attempt}`)).status).toBe(401);
    }
    const fourth = await login(ADMIN.password);
    expect(expectError(fourth, 429)).toMatch(/too many requests: wait a minute/);
    expect(fourth.body.error).toBe('Too Many Requests');
    expect(fourth.body).not.toHaveProperty('token');
  });

  it('leaves other routes alone', async () => {
    expect((await request(api.http).get('/api/v1/public/events')).status).toBe(200);
    expect((await request(api.http).get('/health')).status).toBe(200);
  });
});
