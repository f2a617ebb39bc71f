import request from 'supertest';
import { FieldCipher, NOTE_BODY_SEALED, REDACTED_STORY_SEALED, STORY_SEALED } from '@roundtable/testimony';
import { bearer, countRows, expectError } from '../../../../test/support/fixtures';
import { seedEvent, seedRegistration } from '../../../../test/support/notification-seed';
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { REVIEW_STORY, seedTestimony, themeId } from '../../../../test/support/testimony-for-review';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('testimonies: staff list, open and review testimony, every read audited', () => {
  let api: TestApi;
  let admin: string;
  let organiser: string;
  let organiserId: string;
  beforeAll(async () => {
    api = await createTestApi('testimony-review');
    admin = await api.tokenFor('admin');
    organiser = await api.tokenFor('organiser');
    organiserId = (await request(api.http).get('/api/v1/auth/me').set(bearer(organiser))).body.id;
  });
  afterAll(() => api.close());

  const list = (query: Record<string, string> = {}, token = organiser) =>
    request(api.http).get('/api/v1/testimonies').query(query).set(bearer(token));
  const read = (id: string, token = organiser) =>
    request(api.http).get(`/api/v1/testimonies/${id}`).set(bearer(token));
  const patch = (id: string, body: unknown, token = organiser) =>
    request(api.http)
      .patch(`/api/v1/testimonies/${id}`)
      .set(bearer(token))
      .send(body as object);
  const auditRows = (action: string) =>
    api.dataSource.query(
      `SELECT actor_id, subject_id, detail FROM audit_log WHERE action = $1 ORDER BY at, id`,
      [action],
    );
  const rawRow = async (id: string) =>
    (await api.dataSource.query(`SELECT * FROM testimonies WHERE id = $1`, [id]))[0];

  describe('who may use it', () => {
    let id: string;
    beforeAll(async () => {
      id = await seedTestimony(api.dataSource);
    });
    const routes = () => [
      request(api.http).get('/api/v1/testimonies'),
      request(api.http).get(`/api/v1/testimonies/${id}`),
      request(api.http).patch(`/api/v1/testimonies/${id}`).send({ status: 'reviewed' }),
      request(api.http).get('/api/v1/casework'),
      request(api.http).patch(`/api/v1/casework/${UNKNOWN_ID}`).send({ status: 'closed' }),
      request(api.http).get('/api/v1/audit'),
    ];

    it('answers 401 without a token and 403 to a partner user on every route, writing nothing', async () => {
      const partner = await partnerToken(api);
      const audited = await countRows(api, 'audit_log');
      for (const req of routes()) expectError(await req, 401);
      for (const req of routes()) expectError(await req.set(bearer(partner)), 403);
      expect(await countRows(api, 'audit_log')).toBe(audited);
      expect((await rawRow(id)).status).toBe('new');
    });

    it('keeps the audit log for admins: an organiser is refused', async () => {
      expectError(await request(api.http).get('/api/v1/audit').set(bearer(organiser)), 403);
      await request(api.http).get('/api/v1/audit').set(bearer(admin)).expect(200);
    });
  });

  describe('GET /api/v1/testimonies', () => {
    let campaignId: string;
    let eventId: string;
    let flaggedId: string;
    let attendedId: string;
    let plainId: string;
    let ehcId: string;
    beforeAll(async () => {
      await api.dataSource.query('DELETE FROM testimonies');
      const campaign = await request(api.http)
        .post('/api/v1/campaigns')
        .set(bearer(admin))
        .send({
          title: 'Waiting for an EHC plan',
          summary: 'What waiting does.',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          evidenceUse: 'Sent to the council, anonymised.',
        })
        .expect(201);
      campaignId = campaign.body.id;
      const event = await seedEvent(api.dataSource, { title: 'Cradley roundtable' });
      eventId = event.id;
      const { registration } = await seedRegistration(api.dataSource, event, 'attended');
      const ehc = await themeId(api.dataSource, 'ehc-plan-delays');
      attendedId = await seedTestimony(api.dataSource, {
        campaignId,
        eventId,
        registrationId: registration.id,
        themeIds: [ehc],
        submittedAt: new Date('2026-01-10T10:00:00Z'),
      });
      flaggedId = await seedTestimony(api.dataSource, {
        role: 'young-person',
        area: 'halesowen-north',
        quoteConsent: 'office-only',
        safeguardingFlag: 'suggested',
        submittedAt: new Date('2026-01-11T10:00:00Z'),
      });
      plainId = await seedTestimony(api.dataSource, {
        source: 'import',
        role: 'teacher-ta',
        area: null,
        quoteConsent: 'count-only',
        name: null,
        email: null,
        submittedAt: new Date('2026-01-12T10:00:00Z'),
      });
      ehcId = ehc;
    });

    it('lists newest first with the plain fields only: no story, name or email, and the event attended', async () => {
      const res = await list().expect(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([plainId, flaggedId, attendedId]);
      const body = JSON.stringify(res.body);
      expect(body).not.toMatch(/Idris|Amira|amira@|v1\./);
      for (const item of res.body.items) {
        expect(item).not.toHaveProperty('story');
        expect(item).not.toHaveProperty('name');
        expect(item).not.toHaveProperty('email');
      }
      expect(res.body.items[2]).toMatchObject({
        id: attendedId,
        source: 'public',
        role: 'parent-carer',
        area: 'dudley',
        status: 'new',
        quoteConsent: 'quote-anonymously',
        contactConsent: true,
        safeguardingFlag: null,
        hasRedaction: false,
        quoteSelected: false,
        campaignId,
        event: { id: eventId, title: 'Cradley roundtable' },
        attendedEvent: true,
        themes: [{ id: ehcId, name: 'EHC plan delays', status: 'active' }],
        submittedAt: '2026-01-10T10:00:00.000Z',
      });
      expect(res.body.items[1]).toMatchObject({
        event: null,
        attendedEvent: false,
        safeguardingFlag: 'suggested',
      });
    });

    it.each([
      [{ campaignId: 'campaign' }, ['attended']],
      [{ eventId: 'event' }, ['attended']],
      [{ theme: 'ehc' }, ['attended']],
      [{ area: 'halesowen-north' }, ['flagged']],
      [{ role: 'teacher-ta' }, ['plain']],
      [{ status: 'new' }, ['plain', 'flagged', 'attended']],
      [{ status: 'excluded' }, []],
      [{ consent: 'count-only' }, ['plain']],
      [{ flagged: 'true' }, ['flagged']],
      [{ flagged: 'false' }, ['plain', 'attended']],
      [{ role: 'parent-carer', area: 'dudley' }, ['attended']],
    ])('filters by %j', async (filter, expected) => {
      const ids: Record<string, string> = {
        campaign: campaignId,
        event: eventId,
        ehc: ehcId,
        attended: attendedId,
        flagged: flaggedId,
        plain: plainId,
      };
      const query = Object.fromEntries(
        Object.entries(filter).map(([key, value]) => [key, ids[value] ?? value]),
      );
      const res = await list(query).expect(200);
      expect(res.body.items.map((item: { id: string }) => item.id)).toEqual(
        expected.map((name) => ids[name]),
      );
      expect(res.body.total).toBe(expected.length);
    });

    it('counts testimony tagged with a theme merged into the one filtered by', async () => {
      const funding = await themeId(api.dataSource, 'funding');
      await api.dataSource.query(`UPDATE themes SET status = 'retired', merged_into_id = $1 WHERE id = $2`, [
        funding,
        ehcId,
      ]);
      try {
        const res = await list({ theme: funding }).expect(200);
        expect(res.body.items.map((item: { id: string }) => item.id)).toEqual([attendedId]);
      } finally {
        await api.dataSource.query(
          `UPDATE themes SET status = 'active', merged_into_id = NULL WHERE id = $1`,
          [ehcId],
        );
      }
    });

    it('pages, and audits each list with its filters and counts, never contents', async () => {
      const before = (await auditRows('testimony.list')).length;
      const res = await list({ role: 'parent-carer', limit: '1', offset: '0' }).expect(200);
      expect(res.body).toMatchObject({ total: 1 });
      const page = await list({ limit: '2', offset: '1' }).expect(200);
      expect(page.body.items.map((item: { id: string }) => item.id)).toEqual([flaggedId, attendedId]);
      const rows = await auditRows('testimony.list');
      expect(rows).toHaveLength(before + 2);
      expect(rows[before]).toEqual({
        actor_id: organiserId,
        subject_id: null,
        detail: { role: 'parent-carer', limit: 1, offset: 0, count: 1, total: 1 },
      });
      expect(rows[before + 1].detail).toEqual({ limit: 2, offset: 1, count: 2, total: 3 });
    });

    it.each([
      [{ area: 'atlantis' }, 'area must be one of'],
      [{ role: 'parent' }, 'role must be one of'],
      [{ status: 'archived' }, 'status must be one of'],
      [{ consent: 'yes' }, 'consent must be one of'],
      [{ flagged: 'yes' }, 'flagged must be true or false'],
      [{ theme: 'funding' }, 'theme must be the id of a theme'],
      [{ eventId: '42' }, 'eventId must be the id of an event'],
      [{ limit: '500' }, 'limit must be at most 200'],
      [{ story: 'x' }, 'story'],
    ])('refuses %j with a 400 that says what to fix, and audits nothing', async (query, message) => {
      const before = await countRows(api, 'audit_log');
      expect(expectError(await list(query), 400)).toContain(message);
      expect(await countRows(api, 'audit_log')).toBe(before);
    });
  });

  describe('GET /api/v1/testimonies/:id', () => {
    it('opens one, decrypted, with its answers, and audits the read', async () => {
      const id = await seedTestimony(api.dataSource, { enteredById: organiserId, source: 'staff' });
      const res = await read(id).expect(200);
      expect(res.body).toMatchObject({
        id,
        story: REVIEW_STORY,
        redactedStory: null,
        name: 'Amira Khan',
        email: 'amira@example.org',
        notes: [],
        source: 'staff',
        enteredById: organiserId,
        answers: {
          assessmentWaitWeeks: 30,
          planWaitWeeks: 40,
          deadline: 'missed',
          tribunal: 'no',
          ageBand: '5-10',
          schoolPhase: 'primary',
        },
      });
      const rows = await api.dataSource.query(
        `SELECT actor_id, subject_type, detail FROM audit_log WHERE action = 'testimony.read' AND subject_id = $1`,
        [id],
      );
      expect(rows).toEqual([{ actor_id: organiserId, subject_type: 'testimony', detail: {} }]);
      await read(id, admin).expect(200);
      expect(
        (await auditRows('testimony.read')).filter((row: { subject_id: string }) => row.subject_id === id),
      ).toHaveLength(2);
    });

    it('is 404 for an unknown id or one that is not an id, and audits nothing', async () => {
      const before = await countRows(api, 'audit_log');
      expect(expectError(await read(UNKNOWN_ID), 404)).toContain('no testimony');
      expectError(await read('not-an-id'), 404);
      expect(await countRows(api, 'audit_log')).toBe(before);
    });
  });

  describe('PATCH /api/v1/testimonies/:id', () => {
    let cipher: FieldCipher;
    beforeAll(() => {
      cipher = api.app.get(FieldCipher);
    });

    it('tags themes (replacing the set), sets the status, redacts and adds a note in one audited change', async () => {
      const id = await seedTestimony(api.dataSource, {
        themeIds: [await themeId(api.dataSource, 'funding')],
      });
      const ehc = await themeId(api.dataSource, 'ehc-plan-delays');
      const camhs = await themeId(api.dataSource, 'camhs-mental-health');
      const redacted = 'Our son [name] waited forty weeks for his plan at [school].';
      const res = await patch(id, {
        themeIds: [ehc, camhs, ehc],
        status: 'reviewed',
        redactedStory: redacted,
        note: 'Ring the family about the tribunal deadline.',
      }).expect(200);
      expect(res.body).toMatchObject({
        status: 'reviewed',
        story: REVIEW_STORY,
        redactedStory: redacted,
        hasRedaction: true,
        notes: [
          {
            body: 'Ring the family about the tribunal deadline.',
            author: { id: organiserId, name: 'Olu Organiser' },
          },
        ],
      });
      expect(res.body.themes.map((theme: { id: string }) => theme.id).sort()).toEqual([ehc, camhs].sort());

      // The original is kept sealed as it was; the redaction and note are sealed too.
      const row = await rawRow(id);
      const notes = await api.dataSource.query(`SELECT * FROM testimony_notes WHERE testimony_id = $1`, [id]);
      expect(JSON.stringify([row, notes])).not.toMatch(/Idris|\[name\]|\[school\]|tribunal deadline|Amira/);
      expect(STORY_SEALED.open(cipher, id, row.story)).toBe(REVIEW_STORY);
      expect(REDACTED_STORY_SEALED.open(cipher, id, row.redacted_story)).toBe(redacted);
      expect(NOTE_BODY_SEALED.open(cipher, notes[0].id, notes[0].body)).toBe(
        'Ring the family about the tribunal deadline.',
      );

      const [audit] = await api.dataSource.query(
        `SELECT actor_id, detail FROM audit_log WHERE action = 'testimony.update' AND subject_id = $1`,
        [id],
      );
      expect(audit).toEqual({
        actor_id: organiserId,
        detail: { fields: ['themeIds', 'status', 'redactedStory', 'note'], noteId: notes[0].id },
      });
    });

    it('selects a quote only with quote consent and a redaction (409 otherwise), and unselects it when the redaction goes', async () => {
      const countOnly = await seedTestimony(api.dataSource, { quoteConsent: 'count-only' });
      expect(
        expectError(await patch(countOnly, { redactedStory: 'Redacted.', quoteSelected: true }), 409),
      ).toContain('agreed to be quoted');
      expect((await rawRow(countOnly)).redacted_story).toBeNull();

      const quotable = await seedTestimony(api.dataSource);
      expect(expectError(await patch(quotable, { quoteSelected: true }), 409)).toContain('redaction');
      const chosen = await patch(quotable, {
        redactedStory: 'Our son waited forty weeks.',
        quoteSelected: true,
      }).expect(200);
      expect(chosen.body).toMatchObject({ quoteSelected: true, hasRedaction: true });
      const cleared = await patch(quotable, { redactedStory: null }).expect(200);
      expect(cleared.body).toMatchObject({ quoteSelected: false, hasRedaction: false, redactedStory: null });
      const [audit] = await api.dataSource.query(
        `SELECT detail FROM audit_log WHERE action = 'testimony.update' AND subject_id = $1 ORDER BY at DESC LIMIT 1`,
        [quotable],
      );
      expect(audit.detail).toEqual({ fields: ['redactedStory', 'quoteSelected'] });
    });

    it('raises the flag (confirming a suggested one) and plans one alert for the lead, without the story; clears it', async () => {
      const id = await seedTestimony(api.dataSource, { safeguardingFlag: 'suggested' });
      const alerts = () =>
        api.dataSource.query(
          `SELECT kind, recipient_email, payload FROM notifications WHERE subject_id = $1 AND kind = 'safeguarding-alert'`,
          [id],
        );
      const raised = await patch(id, { safeguardingFlag: 'raised' }).expect(200);
      expect(raised.body).toMatchObject({
        safeguardingFlag: 'raised',
        flaggedAt: api.clock.now().toISOString(),
      });
      const planned = await alerts();
      expect(planned).toHaveLength(1);
      expect(JSON.stringify(planned)).not.toMatch(/Idris|Amira|amira@/);
      // Raising it again changes nothing and alerts no one again.
      await patch(id, { safeguardingFlag: 'raised' }).expect(200);
      expect(await alerts()).toHaveLength(1);
      const cleared = await patch(id, { safeguardingFlag: null }).expect(200);
      expect(cleared.body).toMatchObject({ safeguardingFlag: null, flaggedAt: null });
    });

    it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
      const id = await seedTestimony(api.dataSource, {
        themeIds: [await themeId(api.dataSource, 'funding')],
      });
      const retired = (
        await api.dataSource.query(
          `INSERT INTO themes (slug, name, status) VALUES ('old-theme', 'Old theme', 'retired') RETURNING id`,
        )
      )[0].id;
      const cases: Array<[unknown, string]> = [
        [{}, 'send at least one of'],
        [{ status: 'archived' }, 'status must be one of'],
        [{ status: null }, 'status must be one of'],
        [{ themeIds: [UNKNOWN_ID] }, `themeIds ${UNKNOWN_ID} does not match any theme`],
        [{ themeIds: [retired], status: 'reviewed' }, 'retired theme'],
        [{ themeIds: 'funding' }, 'themeIds must be a list'],
        [{ themeIds: ['funding'] }, 'each of themeIds must be the id of a theme'],
        [{ note: '', status: 'reviewed' }, 'note'],
        [{ note: null }, 'note'],
        [
          { redactedStory: 'x'.repeat(REVIEW_STORY.length + 201), note: 'fine' },
          'redactedStory must be at most',
        ],
        [{ redactedStory: 'a\u202eb' }, 'redactedStory'],
        [{ quoteSelected: 'yes' }, 'quoteSelected must be true or false'],
        [{ safeguardingFlag: 'suggested' }, 'safeguardingFlag must be "raised"'],
        [{ story: 'A new story' }, 'story'],
        [{ name: 'Someone' }, 'name'],
      ];
      const tables = ['testimonies', 'testimony_themes', 'testimony_notes', 'audit_log'] as const;
      const before = await Promise.all(tables.map((table) => countRows(api, table)));
      const rowBefore = await rawRow(id);
      for (const [body, message] of cases) {
        expect(expectError(await patch(id, body), 400)).toContain(message);
      }
      expect(expectError(await patch(UNKNOWN_ID, { status: 'reviewed' }), 404)).toContain('no testimony');
      expect(await Promise.all(tables.map((table) => countRows(api, table)))).toEqual(before);
      expect(await rawRow(id)).toEqual(rowBefore);
    });

    it('takes a redaction a little longer than the story, for markers', async () => {
      const id = await seedTestimony(api.dataSource);
      const redacted = `${REVIEW_STORY} ${'[removed] '.repeat(19)}`.trim();
      await patch(id, { redactedStory: redacted }).expect(200);
    });
  });
});
