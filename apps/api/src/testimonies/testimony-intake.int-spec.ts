import { NotificationOutbox } from '@roundtable/notifications';
import { SafeguardingFlags, TestimonyMessages, TestimonyNotFound } from '@roundtable/testimony';
import { RedisService } from '@roundtable/platform';
import request from 'supertest';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';
import { bearer, countRows, createEvent, expectError, publishEvent } from '../../../../test/support/fixtures';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { partnerToken } from '../../../../test/support/partner-user';
import { registerAndRead } from '../../../../test/support/registered';
import type { ReceivedMail, SmtpSink } from '../../../../test/support/smtp-sink';
import type { TestApi } from '../../../../test/support/test-app';

const STORY = 'We waited forty-one weeks for the plan, and the school could not keep him in class.';
const FLAGGED_STORY = 'Since the placement ended he has started to self-harm and says he wants to die.';
const RECEIPT_SHAPE = /^rtr_[A-Za-z0-9_-]{43}$/;

const submission = (overrides: Record<string, unknown> = {}) => ({
  role: 'parent-carer',
  area: 'halesowen-north',
  themes: ['ehc-plan-delays'],
  story: STORY,
  answers: { assessmentWaitWeeks: 30, planWaitWeeks: 41, deadline: 'missed', ageBand: '5-10' },
  consent: { quote: 'quote-anonymously', contact: false, shareWithAuthority: true, casework: false },
  ...overrides,
});

/**
 * The ways testimony comes in, end to end: the real api takes it, the real worker sends the
 * receipt and the safeguarding alert to an SMTP sink, and the raw tables are read to show that
 * nothing personal is kept in plain text and that erasure leaves only a count.
 */
describe('testimony intake, receipts and their emails', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let staff: string;
  let campaignId: string;
  let eventId: string;

  beforeAll(async () => {
    world = await startApiWithWorker('testimony-intake', {
      ...followingTheWorker(TEST_JOB_POLICY),
      env: {
        PUBLIC_URL: 'https://roundtable.test',
        PUBLIC_RATE_LIMIT: '100000',
        SAFEGUARDING_LEAD_EMAIL: 'lead@roundtable.test',
      },
    });
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
    const campaign = await request(api.http)
      .post('/api/v1/campaigns')
      .set(bearer(staff))
      .send({
        title: 'SEND consultation',
        summary: 'Tell us about SEND in the Black Country.',
        startsOn: '2026-01-01',
        endsOn: '2027-06-30',
        evidenceUse: 'The MP sends the report to the council and the Department for Education.',
      })
      .expect(201);
    campaignId = campaign.body.id;
    await request(api.http).post(`/api/v1/campaigns/${campaignId}/publish`).set(bearer(staff)).expect(200);
    const event = await createEvent(api, staff, { campaignId });
    eventId = event.id;
    await publishEvent(api, staff, eventId);
  });
  afterAll(() => world?.close());

  const submit = (body: object) => {
    world.tick();
    return request(api.http).post('/api/v1/public/testimonies').send(body);
  };

  async function rowOf(receiptToken: string) {
    const [row] = await api.dataSource.query(
      `SELECT t.* FROM testimonies t WHERE t.receipt_token_hash = encode(sha256($1::bytea), 'hex')`,
      [receiptToken],
    );
    return row;
  }

  async function mailFor(testimonyId: string, kind: string): Promise<ReceivedMail> {
    const ids = async () =>
      (
        await api.dataSource.query('SELECT id FROM notifications WHERE subject_id = $1 AND kind = $2', [
          testimonyId,
          kind,
        ])
      ).map((row: { id: string }) => row.id);
    await eventually(`${kind} for ${testimonyId}`, async () =>
      (await ids()).some((id: string) => sink.for(id).length > 0),
    );
    return sink.for((await ids())[0])[0];
  }

  it('takes an anonymous standalone submission: 201 with a receipt token, no email, nothing in plain text', async () => {
    const res = await submit(submission()).expect(201);
    expect(Object.keys(res.body)).toEqual(['receiptToken']);
    expect(res.body.receiptToken).toMatch(RECEIPT_SHAPE);
    const row = await rowOf(res.body.receiptToken);
    expect(row).toMatchObject({
      source: 'public',
      role: 'parent-carer',
      area: 'halesowen-north',
      name: null,
    });
    expect(row).toMatchObject({ email: null, campaign_id: null, event_id: null, safeguarding_flag: null });
    expect(row.plan_wait_weeks).toBe(41);
    expect(JSON.stringify(row)).not.toContain('forty-one');
    expect(JSON.stringify(row)).not.toContain(res.body.receiptToken);
    const tags = await api.dataSource.query(
      'SELECT th.slug FROM testimony_themes tt JOIN themes th ON th.id = tt.theme_id WHERE tt.testimony_id = $1',
      [row.id],
    );
    expect(tags).toEqual([{ slug: 'ehc-plan-delays' }]);
    const planned = await api.dataSource.query('SELECT kind FROM notifications WHERE subject_id = $1', [
      row.id,
    ]);
    expect(planned).toEqual([]);
  });

  it('emails one address at most TESTIMONY_RECEIPTS_PER_ADDRESS receipts a day, and still takes every testimony', async () => {
    // Anyone can name any address: six submissions naming one inbox send it five receipts (the
    // default cap), whatever the capitals; the sixth testimony is stored all the same.
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const email = i % 2 === 0 ? 'flooded@example.org' : ' Flooded@Example.org ';
      const res = await submit(submission({ campaignId, name: 'Sam', email })).expect(201);
      ids.push((await rowOf(res.body.receiptToken)).id);
    }
    const [{ receipts }] = await api.dataSource.query(
      `SELECT count(*)::int AS receipts FROM notifications WHERE kind = 'testimony-receipt' AND subject_id = ANY($1)`,
      [ids],
    );
    expect(receipts).toBe(5);
    // ioredis does not prefix KEYS patterns: name this file's prefix.
    const keys = await api.app
      .get(RedisService)
      .client.keys(`${process.env.REDIS_PREFIX}:testimony-receipts:*`);
    expect(keys).toHaveLength(1);
    expect(keys.join(' ')).not.toMatch(/flooded/i);
  });

  it('sends a named submission its receipt: a working private link, and never the story', async () => {
    const res = await submit(
      submission({ campaignId, name: 'Amira Khan', email: 'amira@example.org', onBehalfOf: true }),
    ).expect(201);
    const row = await rowOf(res.body.receiptToken);
    expect(row).toMatchObject({ campaign_id: campaignId, on_behalf_of_young_person: true });
    const raw = JSON.stringify(
      await api.dataSource.query('SELECT * FROM testimonies WHERE id = $1', [row.id]),
    );
    expect(raw).not.toMatch(/Amira|amira@|forty-one/);
    const ledger = JSON.stringify(
      await api.dataSource.query('SELECT * FROM notifications WHERE subject_id = $1', [row.id]),
    );
    expect(ledger).not.toMatch(/amira@/);

    const mail = await mailFor(row.id, 'testimony-receipt');
    expect(mail.envelopeTo).toEqual(['amira@example.org']);
    const link = `https://roundtable.test/testimony/receipt/${res.body.receiptToken}`;
    expect(mail.parsed.text).toContain(link);
    expect(String(mail.parsed.html)).toContain(`href="${link}"`);
    expect(mail.parsed.text).toContain('The MP sends the report');
    expect(mail.raw).not.toMatch(/forty-one|Amira/);

    const opened = await request(api.http)
      .get(`/api/v1/public/testimonies/${res.body.receiptToken}`)
      .expect(200);
    expect(opened.body).toMatchObject({
      story: STORY,
      name: 'Amira Khan',
      email: 'amira@example.org',
      onBehalfOf: true,
      themes: [{ slug: 'ehc-plan-delays' }],
      consent: { quote: 'quote-anonymously', contact: false, shareWithAuthority: true, casework: false },
      campaign: { id: campaignId, title: 'SEND consultation' },
    });
  });

  it("takes testimony from an event page: the event's campaign becomes the testimony's", async () => {
    const res = await submit(submission({ eventId })).expect(201);
    expect(await rowOf(res.body.receiptToken)).toMatchObject({ event_id: eventId, campaign_id: campaignId });
  });

  it("takes testimony from a registration's manage link, recording the registration and its event", async () => {
    world.tick();
    const person = await registerAndRead(api, eventId, {
      name: 'Sam Jones',
      email: 'sam@example.org',
      role: 'parent_carer',
    });
    expect(person.status).toBe(202);
    const res = await submit(submission({ registrationToken: person.body.manageToken })).expect(201);
    expect(await rowOf(res.body.receiptToken)).toMatchObject({
      registration_id: person.body.id,
      event_id: eventId,
      campaign_id: campaignId,
    });
  });

  it('lets staff enter testimony heard at an event, recording who entered it, and audits it', async () => {
    const res = await request(api.http)
      .post('/api/v1/testimonies')
      .set(bearer(staff))
      .send(submission({ eventId, role: 'young-person', answers: { ageBand: '16-18' } }))
      .expect(201);
    const [row] = await api.dataSource.query('SELECT * FROM testimonies WHERE id = $1', [res.body.id]);
    const [me] = await api.dataSource.query(`SELECT id FROM users WHERE role = 'organiser' LIMIT 1`);
    expect(row).toMatchObject({ source: 'staff', event_id: eventId, entered_by_id: me.id });
    const audit = await api.dataSource.query(
      `SELECT actor_id, action, subject_id, detail FROM audit_log WHERE action = 'testimony.create'`,
    );
    expect(audit).toEqual([
      { actor_id: me.id, action: 'testimony.create', subject_id: res.body.id, detail: { eventId } },
    ]);
  });

  it('refuses staff entry to anonymous (401) and partner (403) users, writing nothing', async () => {
    const before = await countRows(api, 'testimonies');
    const body = submission({ eventId });
    await request(api.http).post('/api/v1/testimonies').send(body).expect(401);
    const partner = await partnerToken(api);
    await request(api.http).post('/api/v1/testimonies').set(bearer(partner)).send(body).expect(403);
    expect(await countRows(api, 'testimonies')).toBe(before);
  });

  it('alerts the safeguarding lead about a screened story: the id and a staff link, never the words', async () => {
    const res = await submit(
      submission({ story: FLAGGED_STORY, name: 'Jo Bloggs', email: 'jo@example.org' }),
    ).expect(201);
    const row = await rowOf(res.body.receiptToken);
    expect(row.safeguarding_flag).toBe('suggested');
    expect(row.flagged_at).not.toBeNull();
    const mail = await mailFor(row.id, 'safeguarding-alert');
    expect(mail.envelopeTo).toEqual(['lead@roundtable.test']);
    expect(mail.parsed.text).toContain(`https://roundtable.test/staff/testimonies/${row.id}`);
    expect(mail.raw).not.toMatch(/self-harm|wants to die|Jo Bloggs|jo@example\.org/);
  });

  it('lets other code raise a flag: the lead is alerted once, and a flag already raised alerts no one again', async () => {
    const res = await submit(submission()).expect(201);
    const row = await rowOf(res.body.receiptToken);
    const [me] = await api.dataSource.query(`SELECT id FROM users WHERE role = 'organiser' LIMIT 1`);
    const raise = async () => {
      world.tick();
      const due = await api.dataSource.transaction((manager) =>
        api.app.get(SafeguardingFlags).raise(manager, row.id, me.id),
      );
      await api.app.get(NotificationOutbox).enqueue(due);
      return due.length;
    };
    expect(await raise()).toBe(1);
    expect(await raise()).toBe(0);
    const [flagged] = await api.dataSource.query('SELECT safeguarding_flag FROM testimonies WHERE id = $1', [
      row.id,
    ]);
    expect(flagged.safeguarding_flag).toBe('raised');
    const mail = await mailFor(row.id, 'safeguarding-alert');
    expect(mail.parsed.subject).toMatch(/raised by staff/);
    expect(mail.raw).not.toMatch(/forty-one/);
    await expect(
      api.dataSource.transaction((manager) =>
        api.app.get(SafeguardingFlags).raise(manager, '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f', me.id),
      ),
    ).rejects.toBeInstanceOf(TestimonyNotFound);
  });

  it('sends nothing for a testimony erased before its receipt went: the row is stale', async () => {
    const res = await submit(submission()).expect(201);
    const row = await rowOf(res.body.receiptToken);
    world.tick();
    const due = await api.dataSource.transaction((manager) =>
      api.app.get(TestimonyMessages).planReceipt(manager, row.id),
    );
    await request(api.http).delete(`/api/v1/public/testimonies/${res.body.receiptToken}`).expect(204);
    await api.app.get(NotificationOutbox).enqueue(due);
    const status = async () =>
      (await api.dataSource.query('SELECT status FROM notifications WHERE id = $1', [due[0].id]))[0].status;
    await eventually('the stale receipt superseded', async () => (await status()) === 'superseded');
    expect(sink.for(due[0].id)).toEqual([]);
  });

  it('changes consent by the link, and casework creates a referral that withdrawing removes', async () => {
    const res = await submit(
      submission({
        email: 'cas@example.org',
        consent: { quote: 'count-only', contact: true, shareWithAuthority: false, casework: true },
      }),
    ).expect(201);
    const row = await rowOf(res.body.receiptToken);
    const referrals = () =>
      api.dataSource.query('SELECT status FROM casework_referrals WHERE testimony_id = $1', [row.id]);
    expect(await referrals()).toEqual([{ status: 'open' }]);
    const link = `/api/v1/public/testimonies/${res.body.receiptToken}`;
    const changed = await request(api.http)
      .patch(link)
      .send({ casework: false, quote: 'office-only' })
      .expect(200);
    expect(changed.body.consent).toEqual({
      quote: 'office-only',
      contact: true,
      shareWithAuthority: false,
      casework: false,
    });
    expect(await referrals()).toEqual([]);
    const bad = await request(api.http).patch(link).send({ quote: 'shout-it' });
    expect(expectError(bad, 400)).toMatch(/consent.quote must be one of/);
  });

  it('erases by the link: the row, its themes and referral go, a count stays, and the link then opens nothing', async () => {
    const res = await submit(
      submission({
        email: 'gone@example.org',
        consent: { quote: 'count-only', contact: false, shareWithAuthority: false, casework: true },
      }),
    ).expect(201);
    const row = await rowOf(res.body.receiptToken);
    const erasuresBefore = await countRows(api, 'testimony_erasures');
    const link = `/api/v1/public/testimonies/${res.body.receiptToken}`;
    await request(api.http).delete(link).expect(204);
    for (const table of ['testimonies', 'testimony_themes', 'casework_referrals']) {
      const column = table === 'testimonies' ? 'id' : 'testimony_id';
      expect(await api.dataSource.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [row.id])).toEqual([]);
    }
    expect(await countRows(api, 'testimony_erasures')).toBe(erasuresBefore + 1);
    const [erasure] = await api.dataSource.query(
      `SELECT reason, count FROM testimony_erasures ORDER BY erased_at DESC LIMIT 1`,
    );
    expect(erasure).toEqual({ reason: 'request', count: 1 });
    expect(expectError(await request(api.http).get(link), 404)).toMatch(/no testimony for this link/);
    expect(expectError(await request(api.http).delete(link), 404)).toMatch(/no testimony for this link/);
  });

  it.each([
    ['a malformed token', 'not-a-token'],
    ['a manage token', `rtm_${'A'.repeat(43)}`],
    ['an unknown token', `rtr_${'A'.repeat(43)}`],
  ])('answers %s with a 404 and a message', async (_, token) => {
    const res = await request(api.http).get(`/api/v1/public/testimonies/${token}`);
    expect(expectError(res, 404)).toMatch(/no testimony for this link/);
  });

  describe('bad input: a 4xx that says what to fix, and nothing written', () => {
    const tables = ['testimonies', 'testimony_themes', 'casework_referrals', 'notifications'] as const;
    const counts = () => Promise.all(tables.map((table) => countRows(api, table)));

    it.each([
      ['no story', { story: undefined }, /story/],
      [
        'an unknown theme',
        { themes: ['ehc-plan-delays', 'flying-cars'] },
        /themes flying-cars is not an active theme/,
      ],
      ['a consent that is not an object', { consent: 'yes' }, /consent must be an object/],
      [
        'a consent with a part missing',
        { consent: { quote: 'count-only' } },
        /consent.contact must be true or false/,
      ],
      [
        'a consent with an unknown part',
        {
          consent: {
            quote: 'count-only',
            contact: false,
            shareWithAuthority: false,
            casework: false,
            sell: true,
          },
        },
        /sell/,
      ],
      [
        'casework without an email',
        { consent: { quote: 'count-only', contact: false, shareWithAuthority: false, casework: true } },
        /consent.casework needs an email/,
      ],
      ['on behalf without an age band', { onBehalfOf: true, answers: {} }, /answers.ageBand is needed/],
      ['an unknown area', { area: 'atlantis' }, /area must be one of/],
      ['a story over 20,000 characters', { story: 'a'.repeat(20_001) }, /story/],
      [
        'an unpublished campaign',
        { campaignId: '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f' },
        /not a published campaign/,
      ],
      ['an unknown event', { eventId: '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f' }, /not a published event/],
      [
        'an unknown manage link',
        { registrationToken: `rtm_${'B'.repeat(43)}` },
        /registrationToken matches no registration/,
      ],
    ])('refuses %s with a 400', async (_, overrides, message) => {
      const before = await counts();
      const res = await submit(submission(overrides as Record<string, unknown>));
      expect(expectError(res, 400)).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it('refuses a 1 MB story with a 413 that names the limit', async () => {
      const before = await counts();
      const res = await submit(submission({ story: 'a'.repeat(1024 * 1024) }));
      expect(expectError(res, 413)).toMatch(
        /larger than the limit of 256kb; a story may be at most 20,000 characters/,
      );
      expect(await counts()).toEqual(before);
    });
  });
});
