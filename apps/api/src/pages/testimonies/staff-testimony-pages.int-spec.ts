import request from 'supertest';
import { countRows } from '../../../../../test/support/fixtures';
import { csrfOf, errorSummaryTexts, titleOf } from '../../../../../test/support/page-html';
import { ADMIN, createTestApi, type TestApi } from '../../../../../test/support/test-app';
import {
  REVIEW_STORY,
  seedCaseworkReferral,
  seedTestimony,
  themeId,
} from '../../../../../test/support/testimony-for-review';

describe('staff testimony pages: list, open, redact, tag, note, flag; casework and the audit log', () => {
  let api: TestApi;
  let agent: ReturnType<typeof request.agent>;
  let id: string;

  const signIn = async (credentials: { email: string; password: string }) => {
    const visitor = request.agent(api.http);
    const page = await visitor.get('/sign-in');
    await visitor
      .post('/sign-in')
      .type('form')
      .send({ ...credentials, _csrf: csrfOf(page.text) })
      .expect(303);
    return visitor;
  };

  beforeAll(async () => {
    api = await createTestApi('staff-testimony-pages');
    agent = await signIn(ADMIN);
    id = await seedTestimony(api.dataSource, { themeIds: [await themeId(api.dataSource, 'funding')] });
    await seedTestimony(api.dataSource, { role: 'young-person', area: 'halesowen-north' });
  });
  afterAll(() => api.close());

  const reads = async () =>
    (
      await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'testimony.read'`)
    )[0].n;

  it('sends anonymous visitors to sign in and refuses organisers the audit log', async () => {
    for (const path of [
      '/staff/testimonies',
      `/staff/testimonies/${id}`,
      '/staff/casework',
      '/staff/audit',
    ]) {
      const res = await request(api.http).get(path);
      expect(res.status).toBe(303);
      expect(res.headers.location).toContain('/sign-in');
    }
    const organiser = { email: 'pages-organiser@roundtable.test', password: 'organiser-password-1' };
    await request(api.http)
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${await api.tokenFor('admin')}`)
      .send({ ...organiser, name: 'Olu Organiser', role: 'organiser' })
      .expect(201);
    const organiserAgent = await signIn(organiser);
    await organiserAgent.get('/staff/testimonies').expect(200);
    await organiserAgent.get('/staff/audit').expect(403);
  });

  it('lists with filters and no story, and audits the list', async () => {
    const all = await agent.get('/staff/testimonies').expect(200);
    expect(all.text).toContain('2 testimonies');
    expect(all.text).not.toContain('Idris');
    expect(all.text).not.toContain('Amira');
    const young = await agent.get('/staff/testimonies?role=young-person').expect(200);
    expect(young.text).toContain('1 testimony');
    const bad = await agent.get('/staff/testimonies?role=nobody').expect(400);
    expect(errorSummaryTexts(bad.text)[0]).toContain('Role must be one of');
    expect(await countRows(api, 'audit_log')).toBeGreaterThanOrEqual(2);
  });

  it('opens one with its story, audited, and saves a redaction kept apart from the sealed original', async () => {
    const before = await reads();
    const page = await agent.get(`/staff/testimonies/${id}`).expect(200);
    expect(titleOf(page.text)).toContain('Testimony given');
    expect(page.text).toContain('Idris');
    expect(page.text).toContain('amira@example.org');
    expect(await reads()).toBe(before + 1);

    const saved = await agent
      .post(`/staff/testimonies/${id}/redaction`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), redactedStory: 'Our son [name] waited forty weeks for his plan.' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/staff/testimonies/${id}?saved=redaction`);
    const [row] = await api.dataSource.query(`SELECT story, redacted_story FROM testimonies WHERE id = $1`, [
      id,
    ]);
    expect(JSON.stringify(row)).not.toMatch(/Idris|\[name\]/);
    const after = await agent.get(saved.headers.location).expect(200);
    expect(after.text).toContain('Redaction saved');
    expect(after.text).toContain('Our son [name] waited forty weeks');
    expect(after.text).toContain(REVIEW_STORY);
  });

  it('tags, sets the status, chooses the quote, adds a note and raises the flag', async () => {
    const page = await agent.get(`/staff/testimonies/${id}`);
    const csrf = csrfOf(page.text);
    const ehc = await themeId(api.dataSource, 'ehc-plan-delays');
    await agent
      .post(`/staff/testimonies/${id}/review`)
      .type('form')
      .send({ _csrf: csrf, status: 'included', themeIds: [ehc], quoteSelected: 'yes' })
      .expect(303);
    await agent
      .post(`/staff/testimonies/${id}/notes`)
      .type('form')
      .send({ _csrf: csrf, note: 'Spoke to the school.' })
      .expect(303);
    await agent
      .post(`/staff/testimonies/${id}/flag`)
      .type('form')
      .send({ _csrf: csrf, flag: 'raise' })
      .expect(303);
    const [row] = await api.dataSource.query(
      `SELECT status, quote_selected, safeguarding_flag FROM testimonies WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ status: 'included', quote_selected: true, safeguarding_flag: 'raised' });
    const tags = await api.dataSource.query(`SELECT theme_id FROM testimony_themes WHERE testimony_id = $1`, [
      id,
    ]);
    expect(tags).toEqual([{ theme_id: ehc }]);
    const shown = await agent.get(`/staff/testimonies/${id}`);
    expect(shown.text).toContain('Spoke to the school.');
  });

  it('shows what to fix on a bad form and writes nothing', async () => {
    const page = await agent.get(`/staff/testimonies/${id}`);
    const csrf = csrfOf(page.text);
    const notes = await countRows(api, 'testimony_notes');
    const empty = await agent
      .post(`/staff/testimonies/${id}/notes`)
      .type('form')
      .send({ _csrf: csrf, note: '  ' });
    expect(empty.status).toBe(400);
    expect(errorSummaryTexts(empty.text)).toEqual(['Enter the note']);
    const quote = await seedTestimony(api.dataSource, { quoteConsent: 'count-only' });
    const refused = await agent
      .post(`/staff/testimonies/${quote}/review`)
      .type('form')
      .send({ _csrf: csrf, status: 'reviewed', quoteSelected: 'yes' });
    expect(refused.status).toBe(409);
    expect(errorSummaryTexts(refused.text)[0]).toContain('agreed to be quoted');
    const [row] = await api.dataSource.query(`SELECT status FROM testimonies WHERE id = $1`, [quote]);
    expect(row.status).toBe('new');
    expect(await countRows(api, 'testimony_notes')).toBe(notes);
  });

  it('shows the casework queue and, to admins, the audit log', async () => {
    const referred = await seedTestimony(api.dataSource, { caseworkRequested: true });
    await seedCaseworkReferral(api.dataSource, referred);
    const queue = await agent.get('/staff/casework').expect(200);
    expect(queue.text).toContain(`/staff/testimonies/${referred}`);
    const log = await agent.get('/staff/audit').expect(200);
    expect(log.text).toContain('testimony.read');
    expect(log.text).toContain('casework.list');
    expect(log.text).not.toContain('Idris');
  });
});
