import request from 'supertest';
// By path, not through the index, which would validate config before it is set.
import { FieldCipher } from '../../libs/testimony/src/encryption/field-cipher';
import type { NewTestimony } from '../../libs/testimony/src/testimonies/new-testimony';
import { TestimonyWriter } from '../../libs/testimony/src/testimonies/testimony-writer';
import { REDACTED_STORY_SEALED } from '../../libs/testimony/src/testimonies/testimony.entity';
import { bearer, createEvent, lettersFor, publishEvent, slot, withClockAt } from './fixtures';
import { registerAndRead } from './registered';
import { ADMIN, type TestApi } from './test-app';

/**
 * A known data set for the evidence report, with the figures it must produce worked out by hand
 * in EXPECTED below. Names, emails and original stories carry markers (PRIVATE-…) that must
 * never appear in a report; only the redacted text of chosen, consented quotes may.
 */
export interface ReportWorld {
  campaignId: string;
  events: { first: { id: string; title: string }; second: { id: string; title: string } };
  themes: Record<'ehc' | 'transport' | 'funding' | 'travel' | 'shortBreaks', string>;
  /** After the events: the clock stands here, with staff signed in at it. */
  later: Date;
}

export const PRIVATE_MARKERS = ['PRIVATE-STORY', 'PRIVATE-NAME', 'private-email@example.org'];
export const QUOTE_ONE = "We waited forty weeks for [child]'s plan. Nobody at [council office] answered.";
/** A redaction that starts like a spreadsheet formula: the CSV must defuse it. */
export const QUOTE_FORMULA = '=HYPERLINK("http://evil.example","funding was cut") and we paid ourselves';

/** The admin's token signed in at the clock's time now (a sign-in at another time may end older sessions). */
export async function signInAdmin(api: TestApi): Promise<string> {
  const res = await request(api.http).post('/api/v1/auth/login').send(ADMIN).expect(200);
  return res.body.token as string;
}

export async function buildReportWorld(api: TestApi): Promise<ReportWorld> {
  let admin = await signInAdmin(api);
  const post = async (path: string, body: object) => {
    const res = await request(api.http).post(path).set(bearer(admin)).send(body);
    if (res.status >= 300)
      throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const campaign = await post('/api/v1/campaigns', {
    title: 'Waiting for an EHC plan',
    summary: 'What the wait is like.',
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
    evidenceUse: 'A report to the council.',
  });
  const bySlug = async (slug: string): Promise<string> => {
    const [row] = await api.dataSource.query('SELECT id FROM themes WHERE slug = $1', [slug]);
    return row.id;
  };
  const themes = {
    ehc: await bySlug('ehc-plan-delays'),
    transport: await bySlug('transport'),
    funding: await bySlug('funding'),
    travel: (await post('/api/v1/themes', { name: 'Home to school travel' })).id as string,
    shortBreaks: (await post('/api/v1/themes', { name: 'Short breaks' })).id as string,
  };

  const held = async (day: number, title: string, people: number, attending: number) => {
    const times = slot(api, day, 18);
    const event = await createEvent(api, admin, { title, campaignId: campaign.id, ...times });
    await publishEvent(api, admin, event.id);
    const ids: string[] = [];
    for (let n = 0; n < people; n += 1) {
      const res = await registerAndRead(api, event.id, {
        name: `Carer ${lettersFor(day * 10 + n)}`,
        email: `carer.${day}.${n}@example.org`,
        role: 'parent_carer',
      });
      if (res.status !== 202) throw new Error(`registering answered ${res.status}`);
      ids.push(res.body.id);
    }
    if (attending > 0) {
      await withClockAt(api, new Date(times.startsAt), (token) =>
        request(api.http)
          .post(`/api/v1/events/${event.id}/attendance`)
          .set(bearer(token))
          .send({ registrationIds: ids.slice(0, attending) })
          .expect(200),
      );
      admin = await signInAdmin(api);
    }
    return { id: event.id as string, title };
  };
  const first = await held(2, 'Listening event in Dudley', 3, 2);
  const second = await held(4, 'Roundtable in Sandwell', 2, 1);
  // Published but still to come, and a draft: neither has been held.
  await held(60, 'Listening event in Walsall', 1, 0);
  await createEvent(api, admin, { title: 'A draft roundtable', campaignId: campaign.id, ...slot(api, 5) });

  await insertTestimonies(api, campaign.id, first.id, second.id, themes);
  // Tagged while active; then one is merged (counts under Transport) and one retired (kept by name).
  await post(`/api/v1/themes/${themes.travel}/merge`, { intoId: themes.transport });
  await post(`/api/v1/themes/${themes.shortBreaks}/retire`, {});
  await api.dataSource.query(
    `INSERT INTO testimony_erasures (reason, count, campaign_id, erased_at) VALUES
       ('request', 2, $1, '2026-01-20T10:00:00Z'), ('retention', 3, $1, '2026-01-21T10:00:00Z'),
       ('request', 1, NULL, '2026-01-22T10:00:00Z'), ('request', 4, $1, '2026-02-20T10:00:00Z')`,
    [campaign.id],
  );
  return {
    campaignId: campaign.id,
    events: { first, second },
    themes,
    later: new Date('2026-03-02T12:00:00Z'),
  };
}

async function insertTestimonies(
  api: TestApi,
  campaignId: string,
  first: string,
  second: string,
  themes: ReportWorld['themes'],
): Promise<void> {
  const base = {
    source: 'public' as const,
    onBehalfOfYoungPerson: false,
    ageBand: null,
    schoolPhase: null,
    contactConsent: false,
    shareWithAuthority: false,
    caseworkRequested: false,
    campaignId,
    name: 'PRIVATE-NAME Amira Khan',
    email: 'private-email@example.org',
  };
  const january = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
  type Row = Omit<NewTestimony, 'story'> & { redacted?: string; selected?: boolean; status?: string };
  const rows: Row[] = [
    // 1: counted, quoted.
    {
      ...base,
      role: 'parent-carer',
      area: 'dudley',
      eventId: first,
      themeIds: [themes.ehc, themes.travel],
      assessmentWaitWeeks: 30,
      planWaitWeeks: 40,
      deadline: 'missed',
      tribunal: 'won',
      quoteConsent: 'quote-anonymously',
      redacted: QUOTE_ONE,
      selected: true,
      submittedAt: january(16),
    },
    // 2: counted; "count only", so never quoted though chosen; two tags that both mean Transport.
    {
      ...base,
      role: 'parent-carer',
      area: 'sandwell',
      eventId: first,
      themeIds: [themes.transport, themes.travel],
      assessmentWaitWeeks: 10,
      planWaitWeeks: 18,
      deadline: 'met',
      tribunal: 'no',
      quoteConsent: 'count-only',
      redacted: 'COUNT-ONLY redaction',
      selected: true,
      submittedAt: january(17),
    },
    // 3: counted; deadline "met" but a 25-week wait: past it. Redacted but not chosen.
    {
      ...base,
      role: 'young-person',
      area: 'dudley',
      eventId: second,
      themeIds: [themes.funding, themes.shortBreaks],
      assessmentWaitWeeks: 20,
      planWaitWeeks: 25,
      deadline: 'met',
      tribunal: 'lost',
      quoteConsent: 'quote-anonymously',
      redacted: 'NOT-CHOSEN redaction',
      selected: false,
      submittedAt: january(20),
    },
    // 4: counted; chosen but never redacted, so not quoted; "not sure" with no wait is no answer.
    {
      ...base,
      role: 'teacher-ta',
      area: null,
      themeIds: [themes.ehc],
      assessmentWaitWeeks: null,
      planWaitWeeks: null,
      deadline: 'not-sure',
      tribunal: null,
      quoteConsent: 'quote-anonymously',
      selected: true,
      submittedAt: january(21),
    },
    // 5: excluded by staff: not counted, not quoted.
    {
      ...base,
      role: 'parent-carer',
      area: 'walsall',
      eventId: second,
      themeIds: [themes.ehc],
      assessmentWaitWeeks: 50,
      planWaitWeeks: null,
      deadline: 'missed',
      tribunal: 'won',
      quoteConsent: 'quote-anonymously',
      redacted: 'EXCLUDED redaction',
      selected: true,
      status: 'excluded',
      submittedAt: january(22),
    },
    // 6: for the office only: not counted, not quoted.
    {
      ...base,
      role: 'parent-carer',
      area: 'dudley',
      eventId: first,
      themeIds: [themes.ehc],
      assessmentWaitWeeks: 100,
      planWaitWeeks: 100,
      deadline: 'missed',
      tribunal: 'lost',
      quoteConsent: 'office-only',
      redacted: 'OFFICE-ONLY redaction',
      selected: true,
      submittedAt: january(23),
    },
    // 7: counted (in February), quoted; its redaction starts like a formula.
    {
      ...base,
      role: 'other-professional',
      area: 'wolverhampton',
      themeIds: [themes.funding, themes.ehc],
      assessmentWaitWeeks: 40,
      planWaitWeeks: 30,
      deadline: null,
      tribunal: 'waiting',
      quoteConsent: 'quote-anonymously',
      redacted: QUOTE_FORMULA,
      selected: true,
      status: 'included',
      submittedAt: new Date('2026-02-10T12:00:00Z'),
    },
    // 8: no campaign: only in a report of everything.
    {
      ...base,
      campaignId: null,
      role: 'parent-carer',
      area: 'halesowen-north',
      themeIds: [themes.ehc],
      assessmentWaitWeeks: 12,
      planWaitWeeks: 12,
      deadline: 'met',
      tribunal: null,
      quoteConsent: 'quote-anonymously',
      redacted: 'OUTSIDE-CAMPAIGN redaction',
      selected: true,
      submittedAt: january(24),
    },
  ];
  const writer = api.app.get(TestimonyWriter);
  const cipher = api.app.get(FieldCipher);
  await api.dataSource.transaction(async (manager) => {
    const inputs = rows.map(({ redacted: _r, selected: _s, status: _t, ...input }, index) => ({
      ...input,
      story: `PRIVATE-STORY number ${index + 1}: what happened to my son Zain at school.`,
    }));
    const ids = await writer.insert(manager, inputs);
    for (const [index, row] of rows.entries()) {
      const id = ids[index];
      await manager.query(
        'UPDATE testimonies SET redacted_story = $2, quote_selected = $3, status = $4 WHERE id = $1',
        [
          id,
          REDACTED_STORY_SEALED.seal(cipher, id, row.redacted ?? null),
          row.selected ?? false,
          row.status ?? 'new',
        ],
      );
    }
  });
}
