import request from 'supertest';
import { bearer, countRows, expectError } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { seedCaseworkReferral, seedTestimony } from '../../../../test/support/testimony-for-review';

describe('casework: the referral queue staff work through', () => {
  let api: TestApi;
  let organiser: string;
  beforeAll(async () => {
    api = await createTestApi('casework');
    organiser = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const queue = (query: Record<string, string> = {}) =>
    request(api.http).get('/api/v1/casework').query(query).set(bearer(organiser));

  it('lists open referrals first, oldest first, with no story, name or email, and audits the list', async () => {
    const closedTestimony = await seedTestimony(api.dataSource, { caseworkRequested: true });
    const closed = await seedCaseworkReferral(api.dataSource, closedTestimony, 'closed');
    const openTestimony = await seedTestimony(api.dataSource, {
      caseworkRequested: true,
      contactConsent: false,
      role: 'young-person',
      area: 'halesowen-north',
    });
    const open = await seedCaseworkReferral(api.dataSource, openTestimony, 'open');
    const busyTestimony = await seedTestimony(api.dataSource, { caseworkRequested: true });
    const busy = await seedCaseworkReferral(api.dataSource, busyTestimony, 'in-progress');

    const res = await queue().expect(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([open, busy, closed]);
    expect(res.body.items[0]).toMatchObject({
      status: 'open',
      testimony: { id: openTestimony, role: 'young-person', area: 'halesowen-north', contactConsent: false },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Idris|Amira|amira@|v1\./);

    const onlyOpen = await queue({ status: 'open' }).expect(200);
    expect(onlyOpen.body.items.map((item: { id: string }) => item.id)).toEqual([open]);

    const audits = await api.dataSource.query(
      `SELECT subject_type, detail FROM audit_log WHERE action = 'casework.list' ORDER BY at, id`,
    );
    expect(audits).toEqual([
      { subject_type: 'casework_referral', detail: { status: null, count: 3, total: 3 } },
      { subject_type: 'casework_referral', detail: { status: 'open', count: 1, total: 1 } },
    ]);
  });

  it('moves a referral along, audited, and refuses an unknown status or referral writing nothing', async () => {
    const testimony = await seedTestimony(api.dataSource, { caseworkRequested: true });
    const id = await seedCaseworkReferral(api.dataSource, testimony);
    const patch = (referral: string, body: unknown) =>
      request(api.http)
        .patch(`/api/v1/casework/${referral}`)
        .set(bearer(organiser))
        .send(body as object);
    const before = await countRows(api, 'audit_log');
    expect(expectError(await patch(id, { status: 'done' }), 400)).toContain('status must be one of');
    expect(expectError(await patch(id, {}), 400)).toContain('status must be one of');
    expect(
      expectError(await patch('00000000-0000-4000-8000-000000000000', { status: 'closed' }), 404),
    ).toContain('no casework referral');
    expect(await countRows(api, 'audit_log')).toBe(before);

    const res = await patch(id, { status: 'in-progress' }).expect(200);
    expect(res.body).toMatchObject({ id, status: 'in-progress', testimony: { id: testimony } });
    const [audit] = await api.dataSource.query(
      `SELECT detail FROM audit_log WHERE action = 'casework.update' AND subject_id = $1`,
      [id],
    );
    expect(audit.detail).toEqual({ from: 'open', to: 'in-progress', testimonyId: testimony });
  });

  it('refuses a bad filter with a 400', async () => {
    expect(expectError(await queue({ status: 'pending' }), 400)).toContain('status must be one of');
  });
});
