import request from 'supertest';
import { ADMIN, createTestApi, type TestApi } from '../../../../../test/support/test-app';
import { csrfOf } from '../../../../../test/support/page-html';

const setCookies = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
const valueOf = (header: string) => decodeURIComponent(header.split(';')[0].split('=').slice(1).join('='));

/**
 * Production over a PUBLIC_URL that says http (a proxy in front that speaks https to people):
 * the page cookies are still Secure, with the __Host- prefix, so no plain-http page or subdomain
 * can set or read them.
 */
describe('page cookies in production', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi('page-cookies-production', {
      env: {
        NODE_ENV: 'production',
        PUBLIC_URL: 'http://roundtable.example.org',
        SMTP_URL: 'smtp://127.0.0.1:1025',
      },
    });
  });
  afterAll(() => api?.close());

  const hostCookie = (name: string) =>
    new RegExp(
      `^__Host-${name}=[\\w-]+; Max-Age=\\d+; Path=/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$`,
    );

  it('sets the CSRF and session cookies Secure, Path=/, no Domain, as __Host- cookies', async () => {
    const page = await request(api.http).get('/sign-in').expect(200);
    const [csrf] = setCookies(page);
    expect(csrf).toMatch(hostCookie('rt_csrf'));
    const token = valueOf(csrf);
    expect(csrfOf(page.text)).toBe(token);

    const signedIn = await request(api.http)
      .post('/sign-in')
      .set('Cookie', `__Host-rt_csrf=${token}`)
      .type('form')
      .send({ _csrf: token, ...ADMIN })
      .expect(303);
    const session = setCookies(signedIn).find((cookie) => cookie.startsWith('__Host-rt_session='))!;
    expect(session).toMatch(hostCookie('rt_session'));
    expect(setCookies(signedIn).join('\n')).not.toMatch(/Domain=/i);

    // The prefixed session cookie opens the staff pages; one under the plain name is not ours.
    const sessionToken = valueOf(session);
    await request(api.http)
      .get('/staff/events')
      .set('Cookie', `__Host-rt_session=${sessionToken}`)
      .expect(200);
    const plain = await request(api.http).get('/staff/events').set('Cookie', `rt_session=${sessionToken}`);
    expect(plain.status).toBe(303);
    expect(plain.headers.location).toMatch(/^\/sign-in/);
  });
});
