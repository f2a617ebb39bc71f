import request from 'supertest';
import { bearer, countRows, expectError } from '../../../../test/support/fixtures';
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { waitUntil } from '../../../../tools/local/wait';

const SEEDED_IN_ORDER = [
  'Assessment waits, including neurodevelopmental',
  'CAMHS and mental health',
  'Communication with the council',
  'EHC plan delays',
  'Exclusion and time out of school',
  'Funding',
  'Health and care working together',
  'School places and placements, from early years to post-16',
  'Support and training in school',
  'Transition to adulthood',
  'Transport',
  'Tribunals and appeals',
  'Other',
];

describe('themes: the list the testimony form offers, and staff changing it without losing history', () => {
  let api: TestApi;
  let admin: string;
  let organiser: string;
  beforeAll(async () => {
    api = await createTestApi('themes');
    admin = await api.tokenFor('admin');
    organiser = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const publicThemes = async () => {
    const res = await request(api.http).get('/api/v1/public/themes').expect(200);
    return res.body as { items: Array<Record<string, unknown>>; total: number };
  };
  const staffThemes = async () => {
    const res = await request(api.http).get('/api/v1/themes').set(bearer(admin)).expect(200);
    return res.body as { items: Array<Record<string, unknown>>; total: number };
  };
  const create = (body: Record<string, unknown>, token = organiser) =>
    request(api.http).post('/api/v1/themes').set(bearer(token)).send(body);
  const themeBySlug = async (slug: string) => (await staffThemes()).items.find((t) => t.slug === slug)!;

  it('offers the seeded themes to anyone, by name with "Other" last, and nothing staff-only', async () => {
    const list = await publicThemes();
    expect(list.items.map((theme) => theme.name)).toEqual(SEEDED_IN_ORDER);
    expect(list.total).toBe(SEEDED_IN_ORDER.length);
    for (const theme of list.items) {
      expect(Object.keys(theme).sort()).toEqual(['description', 'id', 'name', 'slug']);
    }
    expect(list.items.find((theme) => theme.slug === 'ehc-plan-delays')).toMatchObject({
      name: 'EHC plan delays',
    });
  });

  it('adds a theme with a slug made from its name, and refuses a duplicate name or slug with 409', async () => {
    const res = await create({
      name: 'Short breaks & respite',
      description: 'Time off\nfrom caring.',
    }).expect(201);
    expect(res.body).toMatchObject({
      slug: 'short-breaks-respite',
      name: 'Short breaks & respite',
      description: 'Time off\nfrom caring.',
      status: 'active',
      mergedInto: null,
    });
    const before = await countRows(api, 'themes');
    expectError(await create({ name: 'short breaks & respite' }), 409);
    // A different name with the same slug.
    expect(expectError(await create({ name: 'Short breaks, respite' }), 409)).toContain(
      'Short breaks & respite',
    );
    expect(expectError(await create({ name: 'funding' }), 409)).toContain('"Funding" already exists');
    expect(await countRows(api, 'themes')).toBe(before);
    const list = await publicThemes();
    expect(list.items.at(-1)!.slug).toBe('other');
    expect(list.items.map((theme) => theme.slug)).toContain('short-breaks-respite');
  });

  it('lets only one of several requests adding the same name at once through; the rest are 409', async () => {
    const before = await countRows(api, 'themes');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, n) => create({ name: n % 2 ? 'Respite at once' : 'respite at once' })),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const res of answers.filter((answer) => answer.status === 409)) expectError(res, 409);
    expect(await countRows(api, 'themes')).toBe(before + 1);
  });

  it('answers 409, not 500, when the name is taken between its check and its insert', async () => {
    // Another transaction holds the name, uncommitted: the request's check cannot see it, and its
    // insert waits on the unique index until that transaction commits, then is refused.
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`INSERT INTO themes (slug, name) VALUES ('raced-name', 'Raced name')`);
      const answer = create({ name: 'Raced name' }).then((res) => res);
      await waitUntil(
        'the request to wait on the unique index',
        async () => {
          const [row] = await api.dataSource.query(
            `SELECT count(*)::int AS count FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "themes"%'`,
          );
          return row.count > 0;
        },
        { timeoutMs: 10_000, intervalMs: 25 },
      );
      await runner.commitTransaction();
      expect(expectError(await answer, 409)).toContain('"Raced name" already exists');
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('renames a theme keeping its id and slug, and refuses a name another theme has', async () => {
    const funding = await themeBySlug('funding');
    const res = await request(api.http)
      .patch(`/api/v1/themes/${funding.id}`)
      .set(bearer(organiser))
      .send({ name: 'Funding and budgets' })
      .expect(200);
    expect(res.body).toMatchObject({ id: funding.id, slug: 'funding', name: 'Funding and budgets' });
    expect(res.body.description).toBe(funding.description);
    const cleared = await request(api.http)
      .patch(`/api/v1/themes/${funding.id}`)
      .set(bearer(organiser))
      .send({ description: '' })
      .expect(200);
    expect(cleared.body).toMatchObject({ name: 'Funding and budgets', description: null });
    // Its own name in other capitals is fine; another theme's is not.
    await request(api.http)
      .patch(`/api/v1/themes/${funding.id}`)
      .set(bearer(organiser))
      .send({ name: 'Funding And Budgets' })
      .expect(200);
    const taken = await request(api.http)
      .patch(`/api/v1/themes/${funding.id}`)
      .set(bearer(organiser))
      .send({ name: 'transport' });
    expectError(taken, 409);
    expect((await themeBySlug('funding')).name).toBe('Funding And Budgets');
  });

  it('retires a theme: gone from the public list, still in the staff list; twice is a 409', async () => {
    const theme = (await create({ name: 'Theme to retire' }).expect(201)).body;
    const res = await request(api.http)
      .post(`/api/v1/themes/${theme.id}/retire`)
      .set(bearer(admin))
      .expect(200);
    expect(res.body).toMatchObject({ id: theme.id, status: 'retired', mergedInto: null });
    expect((await publicThemes()).items.map((t) => t.id)).not.toContain(theme.id);
    expect(await themeBySlug('theme-to-retire')).toMatchObject({ id: theme.id, status: 'retired' });
    expectError(await request(api.http).post(`/api/v1/themes/${theme.id}/retire`).set(bearer(admin)), 409);
    // A retired theme's name is still taken: history never reads two ways.
    expect(expectError(await create({ name: 'Theme to retire' }), 409)).toContain('(retired)');
  });

  it('merges a theme into another: the source is retired pointing at it, nothing deleted', async () => {
    const source = (await create({ name: 'Waiting lists' }).expect(201)).body;
    const into = (await create({ name: 'Waits of every kind' }).expect(201)).body;
    const before = await countRows(api, 'themes');
    const res = await request(api.http)
      .post(`/api/v1/themes/${source.id}/merge`)
      .set(bearer(organiser))
      .send({ intoId: into.id })
      .expect(200);
    expect(res.body).toMatchObject({
      id: source.id,
      status: 'retired',
      mergedInto: { id: into.id, slug: 'waits-of-every-kind', name: 'Waits of every kind' },
    });
    expect(await countRows(api, 'themes')).toBe(before);
    expect(await themeBySlug('waiting-lists')).toMatchObject({
      status: 'retired',
      mergedInto: { id: into.id },
    });
    const publicIds = (await publicThemes()).items.map((t) => t.id);
    expect(publicIds).toContain(into.id);
    expect(publicIds).not.toContain(source.id);
  });

  it('refuses a merge into itself, into a retired theme, of a retired theme, or one that would chain', async () => {
    const a = (await create({ name: 'Merge rule A' }).expect(201)).body;
    const b = (await create({ name: 'Merge rule B' }).expect(201)).body;
    const c = (await create({ name: 'Merge rule C' }).expect(201)).body;
    const merge = (id: string, intoId: string) =>
      request(api.http).post(`/api/v1/themes/${id}/merge`).set(bearer(admin)).send({ intoId });
    await merge(c.id, a.id).expect(200); // C → A
    const before = await api.dataSource.query('SELECT * FROM themes ORDER BY id');

    expect(expectError(await merge(a.id, a.id), 400)).toContain('merge a theme into a different one');
    // Into a merged (so retired) theme: B → C would make B → C → A.
    expect(expectError(await merge(b.id, c.id), 409)).toContain('merge into that theme instead');
    // A merged theme again.
    expect(expectError(await merge(c.id, b.id), 409)).toContain('already merged');
    // A theme others were merged into: A → B would leave C two steps from B.
    expect(expectError(await merge(a.id, b.id), 409)).toContain(
      'merge "Merge rule B" into "Merge rule A" instead',
    );
    // Into an unknown theme, or no theme id at all.
    expect(expectError(await merge(b.id, '00000000-0000-4000-8000-000000000000'), 400)).toContain(
      'does not match any theme',
    );
    expectError(await merge(b.id, 'not-a-theme'), 400);
    const retired = (await create({ name: 'Merge rule retired' }).expect(201)).body;
    await request(api.http).post(`/api/v1/themes/${retired.id}/retire`).set(bearer(admin)).expect(200);
    const afterRetire = await api.dataSource.query('SELECT * FROM themes ORDER BY id');
    expect(expectError(await merge(b.id, retired.id), 409)).toContain('is retired');
    expect(await api.dataSource.query('SELECT * FROM themes ORDER BY id')).toEqual(afterRetire);
    expect(afterRetire.filter((row: { id: string }) => row.id !== retired.id)).toEqual(before);
  });

  it('refuses bad input with a 400 that says what to fix, writing nothing', async () => {
    const before = await countRows(api, 'themes');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'Two\nlines' }, 'name'],
      [{ name: 'Nul\u0000here' }, 'NUL'],
      [{ name: 42 }, 'name'],
      [{ name: '日本語' }, 'letter or digit'],
      [{ name: 'Fine name', description: 'd'.repeat(1001) }, 'description'],
      [{ name: 'Fine name', status: 'retired' }, 'status'],
    ];
    for (const [body, expected] of cases) {
      expect(expectError(await create(body), 400)).toContain(expected);
    }
    const other = await themeBySlug('other');
    expectError(
      await request(api.http).patch(`/api/v1/themes/${other.id}`).set(bearer(admin)).send({ name: '' }),
      400,
    );
    expectError(
      await request(api.http)
        .patch(`/api/v1/themes/${other.id}`)
        .set(bearer(admin))
        .send({ slug: 'changed' }),
      400,
    );
    expect(await countRows(api, 'themes')).toBe(before);
    expect(await themeBySlug('other')).toEqual(other);
    expectError(await request(api.http).post('/api/v1/themes/not-an-id/retire').set(bearer(admin)), 404);
    expectError(
      await request(api.http)
        .post('/api/v1/themes/00000000-0000-4000-8000-000000000000/retire')
        .set(bearer(admin)),
      404,
    );
  });

  it('keeps staff routes from anonymous callers (401) and partners (403)', async () => {
    const partner = await partnerToken(api);
    const other = await themeBySlug('other');
    const routes: Array<[method: 'get' | 'post' | 'patch', path: string, body?: Record<string, unknown>]> = [
      ['get', '/api/v1/themes'],
      ['get', `/api/v1/themes/${other.id}`],
      ['post', '/api/v1/themes', { name: 'Sneaky theme' }],
      ['patch', `/api/v1/themes/${other.id}`, { name: 'Sneaky rename' }],
      ['post', `/api/v1/themes/${other.id}/retire`],
      ['post', `/api/v1/themes/${other.id}/merge`, { intoId: other.id }],
    ];
    const before = await api.dataSource.query('SELECT * FROM themes ORDER BY id');
    for (const [method, path, body] of routes) {
      expectError(await request(api.http)[method](path).send(body), 401);
      expectError(await request(api.http)[method](path).set(bearer(partner)).send(body), 403);
    }
    expect(await api.dataSource.query('SELECT * FROM themes ORDER BY id')).toEqual(before);
  });
});
