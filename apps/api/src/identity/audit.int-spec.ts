import request from 'supertest';
import { bearer, expectError } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { seedTestimony } from '../../../../test/support/testimony-for-review';

describe('GET /api/v1/audit: who read or changed testimony, for admins', () => {
  let api: TestApi;
  let admin: string;
  let organiser: string;
  let organiserId: string;
  let testimonyId: string;
  beforeAll(async () => {
    api = await createTestApi('audit-log');
    admin = await api.tokenFor('admin');
    organiser = await api.tokenFor('organiser');
    organiserId = (await request(api.http).get('/api/v1/auth/me').set(bearer(organiser))).body.id;
    testimonyId = await seedTestimony(api.dataSource);
    await request(api.http).get(`/api/v1/testimonies/${testimonyId}`).set(bearer(organiser)).expect(200);
    await request(api.http).get('/api/v1/testimonies').set(bearer(admin)).expect(200);
  });
  afterAll(() => api.close());

  const audit = (query: Record<string, string> = {}) =>
    request(api.http).get('/api/v1/audit').query(query).set(bearer(admin));

  it('lists entries newest first with ids, action, subject, detail and time', async () => {
    const res = await audit().expect(200);
    // The admin adding the organiser (tokenFor) is audited too, first.
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((item: { action: string }) => item.action)).toEqual([
      'testimony.list',
      'testimony.read',
      'user.create',
    ]);
    expect(res.body.items[1]).toMatchObject({
      actorId: organiserId,
      action: 'testimony.read',
      subjectType: 'testimony',
      subjectId: testimonyId,
      detail: {},
    });
    expect(Date.parse(res.body.items[1].at)).not.toBeNaN();
  });

  it('filters by actor, action and time', async () => {
    const byActor = await audit({ actor: organiserId }).expect(200);
    expect(byActor.body.items.map((item: { subjectId: string }) => item.subjectId)).toEqual([testimonyId]);
    const byAction = await audit({ action: 'testimony.list' }).expect(200);
    expect(byAction.body.total).toBe(1);
    const future = await audit({ from: '2100-01-01T00:00:00Z' }).expect(200);
    expect(future.body.total).toBe(0);
    const past = await audit({ to: '2000-01-01T00:00:00Z' }).expect(200);
    expect(past.body.total).toBe(0);
  });

  it.each([
    [{ actor: 'someone' }, 'actor must be the id of a user'],
    [{ action: 'testimony.delete' }, 'action must be one of'],
    [{ from: '2026-01-01' }, 'from must be an ISO 8601 time with an offset'],
    [{ offset: '-1' }, 'offset must be 0 or more'],
  ])('refuses %j with a 400', async (query, message) => {
    expect(expectError(await audit(query), 400)).toContain(message);
  });

  it('is for admins only', async () => {
    expectError(await request(api.http).get('/api/v1/audit').set(bearer(organiser)), 403);
    expectError(await request(api.http).get('/api/v1/audit'), 401);
  });
});
