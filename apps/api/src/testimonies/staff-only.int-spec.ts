import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer } from '../../../../test/support/fixtures';
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/** Where testimony is read, changed, imported or exported by staff: all of it personal data. */
const STAFF_TESTIMONY_PREFIXES = [
  '/api/v1/testimonies',
  '/api/v1/testimony-imports',
  '/api/v1/casework',
  '/api/v1/reports/testimony',
  '/api/v1/audit',
];

/** The staff testimony routes API.md names: the walk below must find every one of them. */
const CONTRACT_ROUTES = [
  'POST /api/v1/testimonies',
  'GET /api/v1/testimonies',
  'GET /api/v1/testimonies/{}',
  'PATCH /api/v1/testimonies/{}',
  'POST /api/v1/testimony-imports',
  'GET /api/v1/testimony-imports/{}/preview',
  'POST /api/v1/testimony-imports/{}/preview',
  'POST /api/v1/testimony-imports/{}/commit',
  'GET /api/v1/casework',
  'GET /api/v1/reports/testimony',
  'GET /api/v1/audit',
];

interface Route {
  method: string;
  path: string;
}

describe('staff testimony routes: nobody else gets in', () => {
  let api: TestApi;
  let routes: Route[];
  beforeAll(async () => {
    api = await createTestApi('testimony-staff-only');
    const doc = await request(api.http).get('/docs/openapi.json').expect(200);
    routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => STAFF_TESTIMONY_PREFIXES.some((prefix) => path.startsWith(prefix)))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
      );
  });
  afterAll(() => api.close());

  const url = (route: Route) => route.path.replace(/\{[^}]+\}/g, () => randomUUID());
  const send = (route: Route, token?: string) => {
    const call = request(api.http)[route.method.toLowerCase() as 'get'](url(route));
    return token ? call.set(bearer(token)) : call;
  };
  const key = (route: Route) => `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;

  it('walks every staff testimony route API.md names', () => {
    expect(CONTRACT_ROUTES.filter((route) => !routes.map(key).includes(route))).toEqual([]);
  });

  it('answers 401 to someone not signed in, on every one', async () => {
    const answers = await Promise.all(routes.map(async (route) => [key(route), (await send(route)).status]));
    expect(answers.filter(([, status]) => status !== 401)).toEqual([]);
  });

  it('answers 403 to a partner charity user, on every one', async () => {
    const token = await partnerToken(api);
    const answers = await Promise.all(
      routes.map(async (route) => [key(route), (await send(route, token)).status]),
    );
    expect(answers.filter(([, status]) => status !== 403)).toEqual([]);
  });

  it('keeps the audit log for admins: an organiser gets 403', async () => {
    const token = await api.tokenFor('organiser');
    const res = await request(api.http).get('/api/v1/audit').set(bearer(token));
    expect(res.status).toBe(403);
  });
});
