import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, expectError } from '../../../../test/support/fixtures';
import { approvedPartner } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * GET /api/v1/audit's filters and pages, on entries written at known times (a year before anything
 * the test's own requests audit, so those never fall in the ranges asked for): each filter keeps
 * exactly the entries it names, from is inclusive and to exclusive, pages neither repeat nor skip
 * an entry, and only admins may list it (issue 11: staff decisions and partner reads land here).
 */
describe('GET /api/v1/audit: filters, pages and who may list it', () => {
  let api: TestApi;
  let admin: string;
  let organiser: string;
  let partner: string;
  const alex = randomUUID();
  const bea = randomUUID();

  /** Seeded entries, oldest first: [label, actor, action, at]. */
  const SEEDED: Array<[string, string | null, string, string]> = [
    ['a1', alex, 'testimony.read', '2025-03-01T09:00:00.000Z'],
    ['a2', alex, 'testimony.list', '2025-03-01T10:00:00.000Z'],
    ['b1', bea, 'testimony.read', '2025-03-01T10:00:00.000Z'],
    ['b2', bea, 'casework.list', '2025-03-01T11:00:00.000Z'],
    ['s1', null, 'testimony.erase', '2025-03-01T12:00:00.000Z'],
    ['a3', alex, 'testimony.read', '2025-03-02T09:00:00.000Z'],
    ['b3', bea, 'testimony.export', '2025-03-02T10:00:00.000Z'],
  ];
  /** Entry id → its label, to read answers as labels. */
  const labels = new Map<string, string>();
  const WHOLE_RANGE = { from: '2025-03-01T00:00:00Z', to: '2025-03-03T00:00:00Z' };

  beforeAll(async () => {
    api = await createTestApi('audit-filters');
    admin = await api.tokenFor('admin');
    organiser = await api.tokenFor('organiser');
    partner = (await approvedPartner(api)).token;
    for (const [label, actorId, action, at] of SEEDED) {
      const [{ id }] = await api.dataSource.query(
        `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, detail, at)
         VALUES ($1, $2, 'testimony', $3, '{}', $4) RETURNING id`,
        [actorId, action, randomUUID(), at],
      );
      labels.set(id, label);
    }
  });
  afterAll(() => api.close());

  const audit = (query: Record<string, string | number>) =>
    request(api.http).get('/api/v1/audit').query(query).set(bearer(admin));

  /** The labels of the entries an answer lists, in its order, and its total. */
  async function listed(query: Record<string, string | number>): Promise<{ items: string[]; total: number }> {
    const res = await audit(query);
    if (res.status !== 200) throw new Error(`${JSON.stringify(query)} answered ${res.status}: ${res.text}`);
    return {
      items: (res.body.items as Array<{ id: string }>).map(
        (item) => labels.get(item.id) ?? `other:${item.id}`,
      ),
      total: res.body.total,
    };
  }

  it('lists every entry in a range, newest first, with its time in UTC', async () => {
    const res = await audit(WHOLE_RANGE).expect(200);
    expect(res.body.total).toBe(SEEDED.length);
    const times = (res.body.items as Array<{ at: string }>).map((item) => item.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(times).toContain('2025-03-01T12:00:00.000Z');
  });

  it('filters by actor: only that person’s entries', async () => {
    expect(await listed({ ...WHOLE_RANGE, actor: alex })).toEqual({ items: ['a3', 'a2', 'a1'], total: 3 });
    expect((await listed({ ...WHOLE_RANGE, actor: bea })).items.sort()).toEqual(['b1', 'b2', 'b3']);
    expect(await listed({ actor: randomUUID() })).toEqual({ items: [], total: 0 });
  });

  it('filters by action', async () => {
    expect(await listed({ ...WHOLE_RANGE, action: 'testimony.read' })).toEqual({
      items: ['a3', expect.stringMatching(/^[ab]1$/), expect.stringMatching(/^[ab]1$/)],
      total: 3,
    });
    expect(await listed({ ...WHOLE_RANGE, action: 'testimony.export' })).toEqual({ items: ['b3'], total: 1 });
  });

  it('filters by time: from is inclusive, to is exclusive, and offsets are honoured', async () => {
    expect(await listed({ from: '2025-03-01T10:00:00Z', to: '2025-03-01T12:00:00Z' })).toEqual({
      items: ['b2', expect.stringMatching(/^(a2|b1)$/), expect.stringMatching(/^(a2|b1)$/)],
      total: 3,
    });
    // 11:00 in Paris (+01:00) is 10:00 UTC: the same window as above.
    expect(await listed({ from: '2025-03-01T11:00:00+01:00', to: '2025-03-01T13:00:00+01:00' })).toEqual({
      items: ['b2', expect.stringMatching(/^(a2|b1)$/), expect.stringMatching(/^(a2|b1)$/)],
      total: 3,
    });
    expect(await listed({ from: '2025-03-02T00:00:00Z', to: WHOLE_RANGE.to })).toEqual({
      items: ['b3', 'a3'],
      total: 2,
    });
  });

  it('combines actor, action and time', async () => {
    expect(
      await listed({
        actor: alex,
        action: 'testimony.read',
        from: '2025-03-01T09:30:00Z',
        to: WHOLE_RANGE.to,
      }),
    ).toEqual({ items: ['a3'], total: 1 });
  });

  it('pages through a range: every entry once, in order, with the same total on every page', async () => {
    const whole = await listed(WHOLE_RANGE);
    const pages: string[] = [];
    for (let offset = 0; offset < SEEDED.length + 2; offset += 2) {
      const page = await listed({ ...WHOLE_RANGE, limit: 2, offset });
      expect(page.total).toBe(SEEDED.length);
      expect(page.items.length).toBeLessThanOrEqual(2);
      pages.push(...page.items);
    }
    expect(pages).toEqual(whole.items);
    expect(new Set(pages).size).toBe(SEEDED.length);
  });

  it('refuses a range whose end is not after its start, saying what to fix', async () => {
    expect(
      expectError(await audit({ from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' }), 400),
    ).toMatch(/to \(.*\) must be after from/);
    expectError(await audit({ from: '2025-03-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }), 400);
    expect(expectError(await audit({ limit: 0 }), 400)).toContain('limit must be at least 1');
  });

  it('is for admins only: organisers and partners 403, no token or a bad one 401', async () => {
    expectError(await request(api.http).get('/api/v1/audit').set(bearer(organiser)), 403);
    expectError(await request(api.http).get('/api/v1/audit').set(bearer(partner)), 403);
    expectError(await request(api.http).get('/api/v1/audit'), 401);
    expectError(await request(api.http).get('/api/v1/audit').set(bearer('rts_never-issued')), 401);
  });
});
