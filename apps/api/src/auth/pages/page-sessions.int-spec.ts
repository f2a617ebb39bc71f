import request from 'supertest';
import { ADMIN, createTestApi, type TestApi } from '../../../../../test/support/test-app';
import { csrfOf } from '../../../../../test/support/page-html';

/** The value a response sets for a cookie, from its Set-Cookie headers. */
function setCookie(res: request.Response, name: string): string | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const header = headers.find((cookie) => cookie.startsWith(`${name}=`));
  return header ? decodeURIComponent(header.slice(name.length + 1).split(';')[0]) : undefined;
}

/**
 * The CSRF token is bound to the session: one taken before sign-in, or from another member of
 * staff's session, does not work for a signed-in form post; signing in and out gives a new one.
 */
describe('page sessions and CSRF tokens', () => {
  let api: TestApi;
  let organiser: { email: string; password: string };

  beforeAll(async () => {
    api = await createTestApi('page-sessions');
    const admin = await api.tokenFor('admin');
    organiser = { email: 'second.staff@roundtable.test', password: 'second-staff-password' };
    await request(api.http)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...organiser, name: 'Second Staff', role: 'organiser' })
      .expect(201);
  });
  afterAll(() => api?.close());

  /** Signs in through the page as a browser would; returns its cookies and the form token. */
  async function signIn(credentials: { email: string; password: string }) {
    const page = await request(api.http).get('/sign-in').expect(200);
    const before = setCookie(page, 'rt_csrf')!;
    expect(csrfOf(page.text)).toBe(before);
    const signedIn = await request(api.http)
      .post('/sign-in')
      .set('Cookie', `rt_csrf=${before}`)
      .type('form')
      .send({ _csrf: before, ...credentials })
      .expect(303);
    const session = setCookie(signedIn, 'rt_session')!;
    expect(session).toMatch(/^rts_/);
    // The first page after signing in gives a token for the new session.
    const staffPage = await request(api.http)
      .get('/staff/events')
      .set('Cookie', `rt_session=${session}; rt_csrf=${before}`)
      .expect(200);
    const after = setCookie(staffPage, 'rt_csrf')!;
    expect(csrfOf(staffPage.text)).toBe(after);
    return { before, session, after };
  }

  const signOut = (session: string, csrf: string, field = csrf) =>
    request(api.http)
      .post('/sign-out')
      .set('Cookie', `rt_session=${session}; rt_csrf=${csrf}`)
      .type('form')
      .send({ _csrf: field });

  const stillSignedIn = async (session: string) =>
    (await request(api.http).get('/staff/events').set('Cookie', `rt_session=${session}`)).status === 200;

  it('refuses a token taken before sign-in once signed in, and gives a new one', async () => {
    const { before, session, after } = await signIn(ADMIN);
    expect(after).not.toBe(before);
    const refused = await signOut(session, before);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('This form had expired');
    expect(await stillSignedIn(session)).toBe(true);
    // The token for the session works.
    expect((await signOut(session, after)).status).toBe(303);
    expect(await stillSignedIn(session)).toBe(false);
  });

  it('refuses a token from another session, even when the cookie and field agree', async () => {
    const mine = await signIn(ADMIN);
    const theirs = await signIn(organiser);
    const refused = await signOut(theirs.session, mine.after);
    expect(refused.status).toBe(403);
    expect(await stillSignedIn(theirs.session)).toBe(true);
    expect((await signOut(theirs.session, theirs.after)).status).toBe(303);
    expect((await signOut(mine.session, mine.after)).status).toBe(303);
  });

  it('gives a new token after sign-out, and the signed-in one no longer works', async () => {
    const { session, after } = await signIn(ADMIN);
    await signOut(session, after).expect(303);
    const page = await request(api.http).get('/sign-in').set('Cookie', `rt_csrf=${after}`).expect(200);
    const fresh = setCookie(page, 'rt_csrf')!;
    expect(fresh).not.toBe(after);
    const stale = await request(api.http)
      .post('/sign-in')
      .set('Cookie', `rt_csrf=${after}`)
      .type('form')
      .send({ _csrf: after, ...ADMIN });
    expect(stale.status).toBe(403);
    expect(setCookie(stale, 'rt_session')).toBeUndefined();
  });

  it('keeps a token that fits the session across pages, so several open tabs work', async () => {
    const { session, after } = await signIn(ADMIN);
    const again = await request(api.http)
      .get('/staff/venues')
      .set('Cookie', `rt_session=${session}; rt_csrf=${after}`)
      .expect(200);
    expect(csrfOf(again.text)).toBe(after);
    await signOut(session, after).expect(303);
  });
});
