import { EventEntity } from '@roundtable/events';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { bearer, createEvent, createVenue, publishEvent } from '../../../../test/support/fixtures';
import { seedRegistration } from '../../../../test/support/notification-seed';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';
import { signedInAgent } from '../../../../test/support/hostile/page-session';

/**
 * Headers that keep private replies private: no cache keeps a reply that carries a token or
 * someone's details, and only Swagger UI may use inline styles.
 */
describe('response headers', () => {
  let api: TestApi;
  let staff: string;
  let pages: TestAgent;
  let eventId: string;
  let manageToken: string;

  beforeAll(async () => {
    api = await createTestApi('response-headers', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('admin');
    const venue = await createVenue(api, staff);
    const event = await createEvent(api, staff, { venueId: venue.id });
    await publishEvent(api, staff, event.id);
    eventId = event.id;
    const entity = await api.dataSource.getRepository(EventEntity).findOneByOrFail({ id: eventId });
    ({ manageToken } = await seedRegistration(api.dataSource, entity));
    pages = await signedInAgent(api, ADMIN.email, ADMIN.password);
  });
  afterAll(() => api?.close());

  type Ask = () => request.Test;
  const privateReplies: Array<[string, Ask]> = [
    [
      'public registration',
      () =>
        request(api.http)
          .post(`/api/v1/public/events/${eventId}/registrations`)
          .send({ name: 'Jo Carer', email: 'jo.headers@example.org', role: 'parent_carer', accessNeeds: [] }),
    ],
    ['a manage read (API)', () => request(api.http).get(`/api/v1/public/registrations/${manageToken}`)],
    [
      'a manage read, upper-case route',
      () => request(api.http).get(`/API/V1/PUBLIC/REGISTRATIONS/${manageToken}`),
    ],
    ['the manage page', () => request(api.http).get(`/manage/${manageToken}`)],
    ['a wrong manage link', () => request(api.http).get('/manage/rtm_not-a-real-token')],
    ['API login', () => request(api.http).post('/api/v1/auth/login').send(ADMIN)],
    [
      'failed API login',
      () =>
        request(api.http)
          .post('/api/v1/auth/login')
          .send({ ...ADMIN, password: 'wrong-password-1' }),
    ],
    ['who am I', () => request(api.http).get('/api/v1/auth/me').set(bearer(staff))],
    ['staff event list', () => request(api.http).get('/api/v1/events').set(bearer(staff))],
    ['staff event', () => request(api.http).get(`/api/v1/events/${eventId}`).set(bearer(staff))],
    [
      'registrations',
      () => request(api.http).get(`/api/v1/events/${eventId}/registrations`).set(bearer(staff)),
    ],
    [
      'delivery ledger',
      () => request(api.http).get(`/api/v1/events/${eventId}/notifications`).set(bearer(staff)),
    ],
    [
      'access tasks',
      () => request(api.http).get(`/api/v1/events/${eventId}/access-tasks`).set(bearer(staff)),
    ],
    ['venues', () => request(api.http).get('/api/v1/venues').set(bearer(staff))],
    ['a staff route signed out (401)', () => request(api.http).get('/api/v1/events')],
    ['an unknown API route', () => request(api.http).get('/api/v1/nothing-here')],
    ['the sign-in page', () => request(api.http).get('/sign-in')],
    ['the registration form', () => request(api.http).get(`/events/${eventId}/register`)],
    ['staff events page', () => pages.get('/staff/events')],
    ['staff event page', () => pages.get(`/staff/events/${eventId}`)],
    ['staff registrations page', () => pages.get(`/staff/events/${eventId}/registrations`)],
    ['staff venues page', () => pages.get('/staff/venues')],
    ['a staff page signed out', () => request(api.http).get('/staff/events')],
  ];

  it.each(privateReplies)('keeps %s out of every cache (Cache-Control: no-store)', async (_, ask) => {
    const res = await ask();
    expect(res.status).toBeLessThan(500);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  const publicReplies: Array<[string, Ask]> = [
    ['the public events page', () => request(api.http).get('/events')],
    ['a public event page', () => request(api.http).get(`/events/${eventId}`)],
    ['the public event list', () => request(api.http).get('/api/v1/public/events')],
    ['a public event', () => request(api.http).get(`/api/v1/public/events/${eventId}`)],
    ['its calendar file', () => request(api.http).get(`/api/v1/events/${eventId}/calendar.ics`)],
  ];

  it.each(publicReplies)('lets %s be cached (published events only, nothing personal)', async (_, ask) => {
    const res = await ask();
    expect(res.status).toBe(200);
    expect(res.headers['cache-control'] ?? '').not.toContain('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  describe('Content-Security-Policy', () => {
    const styleSrc = (res: request.Response) =>
      /(?:^|;)\s*style-src ([^;]*)/.exec(res.headers['content-security-policy'])?.[1];

    it.each([
      ['a public page', '/events'],
      ['the sign-in page', '/sign-in'],
      ['a manage page', '/manage/rtm_not-a-real-token'],
      ['the API', '/api/v1/public/events'],
      ['a path that only starts like docs', '/docsearch'],
    ])('refuses inline styles on %s', async (_, path) => {
      const res = await request(api.http).get(path);
      expect(styleSrc(res)).toBe("'self'");
    });

    it('allows inline styles on /docs alone, where Swagger UI needs them', async () => {
      const res = await request(api.http).get('/docs/');
      expect(res.status).toBe(200);
      expect(styleSrc(res)).toBe("'self' 'unsafe-inline'");
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    });
  });
});
