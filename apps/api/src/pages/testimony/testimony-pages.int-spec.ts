import { load } from 'cheerio';
import request from 'supertest';
import { countRows, createEvent, createVenue, publishEvent } from '../../../../../test/support/fixtures';
import { csrfOf, errorSummaryLinks, titleOf } from '../../../../../test/support/page-html';
import { createPublishedCampaign } from '../../../../../test/support/published-campaign';
import { registrationOf } from '../../../../../test/support/registered';
import { createTestApi, type TestApi } from '../../../../../test/support/test-app';

/**
 * The public testimony pages driven over HTTP as a browser sends them: the campaign page, the
 * form (standalone, from an event, from a registration's manage page), the confirmation, and
 * the private receipt pages (read, change consent, erase).
 */

type Agent = ReturnType<typeof request.agent>;
const STORY = 'We waited 40 weeks for the EHC plan.\n\nMy son was out of school for most of it.';

describe('testimony pages', () => {
  let api: TestApi;
  let token: string;
  let campaign: { id: string; title: string };
  let event: { id: string; title: string };
  let themeSlugs: string[];

  beforeAll(async () => {
    api = await createTestApi('testimony-pages', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    token = await api.tokenFor('admin');
    campaign = await createPublishedCampaign(api, token, {
      evidenceUse: 'Read by the MP and two caseworkers.\n\nSent, anonymised, to the council.',
    });
    const venue = await createVenue(api, token, { capacity: 100 });
    const start = new Date(api.clock.now().getTime() + 5 * 86_400_000);
    event = await createEvent(api, token, {
      title: 'Waiting for an EHC plan: a listening event',
      venueId: venue.id,
      campaignId: campaign.id,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    await publishEvent(api, token, event.id);
    const themes = await api.dataSource.query(
      `SELECT slug FROM themes WHERE status = 'active' ORDER BY name LIMIT 2`,
    );
    themeSlugs = themes.map((row: { slug: string }) => row.slug);
  }, 60_000);
  afterAll(() => api?.close());

  const answers = (overrides: Record<string, string | string[]> = {}) => ({
    role: 'parent-carer',
    area: 'halesowen-north',
    themes: themeSlugs,
    story: STORY,
    onBehalfOfYoungPerson: 'yes',
    ageBand: '11-15',
    planWaitWeeks: '40',
    tribunal: 'won',
    quoteConsent: 'quote-anonymously',
    consents: ['share-with-authority'],
    ...overrides,
  });

  async function openForm(query = '') {
    const agent = request.agent(api.http);
    const form = await agent.get(`/testimony/new${query}`).expect(200);
    return { agent, form };
  }

  /** Fills in the form as a browser posts it (hidden fields included); returns the answer. */
  async function send(fields: Record<string, string | string[]>, query = '') {
    const { agent, form } = await openForm(query);
    const hidden = Object.fromEntries(
      load(form.text)('form input[type=hidden]')
        .toArray()
        .map((input) => [input.attribs.name!, input.attribs.value ?? '']),
    );
    const res = await agent
      .post('/testimony/new')
      .type('form')
      .send({ ...hidden, _csrf: csrfOf(form.text), ...fields });
    return { agent, res };
  }

  /** Sends a valid testimony and returns the agent and the receipt link it was sent to. */
  async function sent(fields: Record<string, string | string[]> = answers(), query = '') {
    const { agent, res } = await send(fields, query);
    expect(res.status).toBe(303);
    const match = /^\/testimony\/receipt\/(rtr_[A-Za-z0-9_-]{43})\/sent$/.exec(res.headers.location);
    expect(match).not.toBeNull();
    return { agent, receiptPath: `/testimony/receipt/${match![1]}` };
  }

  const newestTestimony = async () =>
    (
      await api.dataSource.query(
        `SELECT id, campaign_id, event_id, registration_id, role, area, story, name, email, quote_consent,
                share_with_authority, contact_consent, casework_requested, on_behalf_of_young_person,
                age_band, plan_wait_weeks, tribunal
           FROM testimonies ORDER BY created_at DESC LIMIT 1`,
      )
    )[0];

  describe('the campaign page', () => {
    it('shows the campaign, what happens to the evidence, its upcoming events and the way to the form', async () => {
      const res = await request(api.http).get(`/campaigns/${campaign.id}`).expect(200);
      const $ = load(res.text);
      expect(titleOf(res.text)).toBe(`${campaign.title} – Roundtable`);
      expect($('h1').text()).toBe(campaign.title);
      expect($('main').text()).toContain('1 February 2026 to 30 June 2026');
      expect($('main').text()).toContain('Sent, anonymised, to the council.');
      expect($(`a[href="/events/${event.id}"]`).text()).toBe(event.title);
      expect($('a.govuk-button--start').attr('href')).toBe(`/testimony/new?campaign=${campaign.id}`);
    });

    it('is a 404 for a draft campaign and for an id that is not one', async () => {
      const created = await request(api.http)
        .post('/api/v1/campaigns')
        .set({ Authorization: `Bearer ${token}` })
        .send({
          title: 'Draft',
          summary: 'S',
          startsOn: '2026-02-01',
          endsOn: '2026-03-01',
          evidenceUse: 'E',
        })
        .expect(201);
      await request(api.http).get(`/campaigns/${created.body.id}`).expect(404);
      await request(api.http).get('/campaigns/not-an-id').expect(404);
    });

    it('links the event page to the testimony form for that event', async () => {
      const res = await request(api.http).get(`/events/${event.id}`).expect(200);
      expect(load(res.text)(`a[href="/testimony/new?event=${event.id}"]`).text()).toBe(
        'tell us your experience in writing',
      );
    });
  });

  describe('the form', () => {
    it('says who reads what people write, how it is used, for how long and how to change their mind, before the first field', async () => {
      const { form } = await openForm(`?campaign=${campaign.id}`);
      const main = load(form.text)('main').html()!;
      const before = main.slice(0, main.indexOf('<form'));
      for (const promise of [
        'Only the staff in the MP’s constituency office read what you write',
        'We quote your words only if you say we may, and never with your name',
        'We keep what you write for 24 months, then delete it',
        'change your mind about how we use it, or delete it',
        'Sent, anonymised, to the council.',
      ])
        expect(before).toContain(promise);
    });

    it('groups every choice in a fieldset with a legend, offers the active themes, and keeps the origin in hidden fields', async () => {
      const { form } = await openForm(`?event=${event.id}`);
      const $ = load(form.text);
      for (const name of [
        'role',
        'area',
        'themes',
        'onBehalfOfYoungPerson',
        'ageBand',
        'quoteConsent',
        'consents',
      ])
        expect($(`input[name="${name}"]`).first().closest('fieldset').find('legend').text().trim()).not.toBe(
          '',
        );
      expect($('input[name="themes"]').length).toBe(
        Number(
          (await api.dataSource.query(`SELECT count(*)::int AS n FROM themes WHERE status = 'active'`))[0].n,
        ),
      );
      expect($('input[name="quoteConsent"]').length).toBe(3);
      expect($('input[name="event"]').attr('value')).toBe(event.id);
      expect($('.govuk-caption-l').text()).toBe(event.title);
      expect(form.headers['referrer-policy']).toBe('no-referrer');
    });

    it('is a 404 when it names an event that does not exist', async () => {
      await request(api.http).get('/testimony/new?event=3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f').expect(404);
      await request(api.http).get('/testimony/new?campaign=nope').expect(404);
    });

    it('takes an anonymous testimony from a campaign: sealed at rest, with its answers and consent', async () => {
      const before = await countRows(api, 'testimonies');
      const { agent, receiptPath } = await sent(answers(), `?campaign=${campaign.id}`);
      expect(await countRows(api, 'testimonies')).toBe(before + 1);
      const row = await newestTestimony();
      expect(row).toMatchObject({
        campaign_id: campaign.id,
        event_id: null,
        role: 'parent-carer',
        area: 'halesowen-north',
        name: null,
        email: null,
        quote_consent: 'quote-anonymously',
        share_with_authority: true,
        contact_consent: false,
        on_behalf_of_young_person: true,
        age_band: '11-15',
        plan_wait_weeks: 40,
        tribunal: 'won',
      });
      expect(row.story).not.toContain('40 weeks');
      const tags = await api.dataSource.query(
        'SELECT count(*)::int AS n FROM testimony_themes WHERE testimony_id = $1',
        [row.id],
      );
      expect(tags[0].n).toBe(2);

      const confirmation = await agent.get(`${receiptPath}/sent`).expect(200);
      const $ = load(confirmation.text);
      expect($('.govuk-panel__title').text().trim()).toBe('Thank you');
      expect($('#receipt-link').attr('href')).toBe(receiptPath);
      expect($('#receipt-link').text()).toMatch(new RegExp(`^https?://[^/]+${receiptPath}$`));
      expect($('main').text()).toContain('You did not give an email address');
      expect(confirmation.headers['referrer-policy']).toBe('no-referrer');
      expect(confirmation.headers['cache-control']).toBe('no-store');
    });

    it('takes a named testimony from an event with casework, and says a receipt email is on its way', async () => {
      const before = await countRows(api, 'casework_referrals');
      const { agent, receiptPath } = await sent(
        answers({ name: 'Sam Jones', email: 'sam.jones@example.org', consents: ['contact', 'casework'] }),
        `?event=${event.id}`,
      );
      const row = await newestTestimony();
      expect(row).toMatchObject({ event_id: event.id, campaign_id: campaign.id, casework_requested: true });
      expect(row.name).not.toContain('Sam');
      expect(row.email).not.toContain('example.org');
      expect(await countRows(api, 'casework_referrals')).toBe(before + 1);
      const confirmation = await agent.get(`${receiptPath}/sent`).expect(200);
      expect(confirmation.text).toContain('We have also sent this link to the email address you gave us');
    });

    it('takes a testimony from a registration’s manage page, linked to that registration', async () => {
      const email = 'manage.page@example.org';
      await request(api.http)
        .post(`/api/v1/public/events/${event.id}/registrations`)
        .send({ name: 'Jo Carer', email, role: 'parent_carer', accessNeeds: [] })
        .expect(202);
      const { id: registrationId, manageToken } = await registrationOf(api, event.id, email);
      const manage = await request(api.http).get(`/manage/${manageToken}`).expect(200);
      const link = load(manage.text)('a[href^="/testimony/new?registration="]').attr('href');
      expect(link).toBe(`/testimony/new?registration=${manageToken}`);
      await sent(answers(), `?registration=${manageToken}`);
      expect(await newestTestimony()).toMatchObject({ registration_id: registrationId, event_id: event.id });
    });

    it('shows every problem in an error summary and by its field, keeps what was typed, and writes nothing', async () => {
      const before = await countRows(api, 'testimonies');
      const { res } = await send({
        role: '',
        area: 'atlantis',
        story: '   ',
        onBehalfOfYoungPerson: 'yes',
        planWaitWeeks: 'forty',
        quoteConsent: '',
        consents: ['casework'],
        name: 'Sam Jones',
      });
      expect(res.status).toBe(400);
      expect(titleOf(res.text)).toBe('Error: Tell us your experience – Roundtable');
      expect(errorSummaryLinks(res.text)).toEqual([
        ['Select which of these describes you best', '#role'],
        ['Select the area you live or work in', '#area'],
        ['Tell us about your experience', '#story'],
        [
          expect.stringContaining('only a parent or carer writes on a young person’s behalf'),
          '#onBehalfOfYoungPerson',
        ],
        ['Select how old the young person is, as you are writing on their behalf', '#ageBand'],
        [
          'Enter the wait for the plan as a whole number of weeks, like 30, or leave it empty',
          '#planWaitWeeks',
        ],
        ['Select whether we may quote what you wrote', '#quoteConsent'],
        [expect.stringContaining('Enter your email address so that we can get in touch'), '#email'],
      ]);
      const $ = load(res.text);
      expect($('#story-error').text()).toContain('Tell us about your experience');
      expect($('input[name="name"]').attr('value')).toBe('Sam Jones');
      expect($('input[name="planWaitWeeks"]').attr('value')).toBe('forty');
      expect($('input[name="onBehalfOfYoungPerson"]').is('[checked]')).toBe(true);
      expect($('input[name="consents"][value="casework"]').is('[checked]')).toBe(true);
      expect($('details').is('[open]')).toBe(true);
      expect(await countRows(api, 'testimonies')).toBe(before);
    });

    it('refuses a story too long and a hostile name in the form’s words, keeping the story', async () => {
      const before = await countRows(api, 'testimonies');
      const { res } = await send(
        answers({ story: 'a'.repeat(20_001), name: 'Sam\u202eJones', email: 'not an address' }),
      );
      expect(res.status).toBe(400);
      const fields = errorSummaryLinks(res.text).map(([, href]) => href);
      expect(fields).toEqual(['#story', '#name', '#email']);
      expect(load(res.text)('textarea[name="story"]').text()).toHaveLength(20_001);
      expect(await countRows(api, 'testimonies')).toBe(before);
    });

    it('keeps what was written when the event it came from is cancelled meanwhile, and sends it unlinked', async () => {
      const venue = await createVenue(api, token, { capacity: 10 });
      const start = new Date(api.clock.now().getTime() + 9 * 86_400_000);
      const doomed = await createEvent(api, token, {
        venueId: venue.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
      });
      await publishEvent(api, token, doomed.id);
      const { agent, form } = await openForm(`?event=${doomed.id}`);
      await request(api.http)
        .post(`/api/v1/events/${doomed.id}/cancel`)
        .set({ Authorization: `Bearer ${token}` })
        .send({ reason: 'The venue has flooded.' })
        .expect(200);
      const before = await countRows(api, 'testimonies');
      const refused = await agent
        .post('/testimony/new')
        .type('form')
        .send({ _csrf: csrfOf(form.text), event: doomed.id, ...answers() });
      expect(refused.status).toBe(400);
      expect(load(refused.text)('.govuk-error-summary__list li').text()).toContain(
        'The page you came from is no longer taking part',
      );
      const $ = load(refused.text);
      expect($('input[name="event"]').length).toBe(0);
      expect($('textarea[name="story"]').text()).toBe(STORY);
      expect(await countRows(api, 'testimonies')).toBe(before);
      const again = await agent
        .post('/testimony/new')
        .type('form')
        .send({ _csrf: csrfOf(refused.text), ...answers() });
      expect(again.status).toBe(303);
      expect(await newestTestimony()).toMatchObject({ event_id: null });
    });

    it('refuses a post without the form’s CSRF token, writing nothing', async () => {
      const before = await countRows(api, 'testimonies');
      const res = await request(api.http).post('/testimony/new').type('form').send(answers());
      expect(res.status).toBe(403);
      expect(await countRows(api, 'testimonies')).toBe(before);
    });
  });

  describe('the receipt pages', () => {
    async function consentForm(agent: Agent, receiptPath: string) {
      return agent.get(`${receiptPath}/consent`).expect(200);
    }

    it('shows what was sent to the holder of the link, privately', async () => {
      const { agent, receiptPath } = await sent(answers({ name: 'Sam Jones', email: 'sam.r@example.org' }));
      const res = await agent.get(receiptPath).expect(200);
      const text = load(res.text)('main').text();
      for (const shown of [
        'We waited 40 weeks for the EHC plan.',
        'Parent or carer',
        'Halesowen North',
        '40 weeks',
        'Yes, and we won',
        'Sam Jones',
        'sam.r@example.org',
        'You may quote my words without my name',
      ])
        expect(text).toContain(shown);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('changes and withdraws consent, with the current choices shown first', async () => {
      const { agent, receiptPath } = await sent(
        answers({ email: 'change.consent@example.org', consents: ['contact', 'share-with-authority'] }),
      );
      const form = await consentForm(agent, receiptPath);
      const $ = load(form.text);
      expect($('input[name="quoteConsent"][value="quote-anonymously"]').is('[checked]')).toBe(true);
      expect(
        $('input[name="consents"]:checked')
          .toArray()
          .map((input) => input.attribs.value),
      ).toEqual(['contact', 'share-with-authority']);
      const res = await agent
        .post(`${receiptPath}/consent`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), quoteConsent: 'office-only', consents: ['contact'] });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`${receiptPath}?done=consent`);
      expect(await newestTestimony()).toMatchObject({
        quote_consent: 'office-only',
        share_with_authority: false,
        contact_consent: true,
      });
      const page = await agent.get(res.headers.location).expect(200);
      expect(page.text).toContain('Your choices have been saved');
    });

    it('will not take contact or casework without an email address, and changes nothing', async () => {
      const { agent, receiptPath } = await sent();
      const form = await consentForm(agent, receiptPath);
      const res = await agent
        .post(`${receiptPath}/consent`)
        .type('form')
        .send({ _csrf: csrfOf(form.text), quoteConsent: 'count-only', consents: ['casework'] });
      expect(res.status).toBe(400);
      expect(errorSummaryLinks(res.text)).toEqual([
        [expect.stringContaining('We do not have an email address for you'), '#consents'],
      ]);
      expect(await newestTestimony()).toMatchObject({
        quote_consent: 'quote-anonymously',
        casework_requested: false,
      });
    });

    it('erases after a confirmation step; the link then opens a kind "not found" page', async () => {
      const { agent, receiptPath } = await sent();
      const before = await countRows(api, 'testimonies');
      const confirm = await agent.get(`${receiptPath}/erase`).expect(200);
      expect(load(confirm.text)('h1').text()).toBe('Are you sure you want to delete what you sent?');
      const res = await agent
        .post(`${receiptPath}/erase`)
        .type('form')
        .send({ _csrf: csrfOf(confirm.text) });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/testimony/erased');
      expect(await countRows(api, 'testimonies')).toBe(before - 1);
      await agent.get('/testimony/erased').expect(200);
      const gone = await agent.get(receiptPath).expect(404);
      expect(load(gone.text)('h1').text()).toBe('We cannot find what you sent');
      expect(gone.headers['referrer-policy']).toBe('no-referrer');
    });

    it('answers a made-up or malformed link with the same kind page, and a forged post changes nothing', async () => {
      for (const path of [`/testimony/receipt/rtr_${'A'.repeat(43)}`, '/testimony/receipt/nope/consent']) {
        const res = await request(api.http).get(path).expect(404);
        expect(load(res.text)('h1').text()).toBe('We cannot find what you sent');
      }
      const { receiptPath } = await sent();
      const before = await countRows(api, 'testimonies');
      await request(api.http).post(`${receiptPath}/erase`).expect(403);
      expect(await countRows(api, 'testimonies')).toBe(before);
    });
  });

  // Last in the file: it adds many themes. The form once offered (and accepted) only the first 100.
  it('offers and accepts every active theme, however many there are', async () => {
    await api.dataSource.query(
      `INSERT INTO themes (slug, name) SELECT 'many-' || n, 'Many themes ' || lpad(n::text, 3, '0')
         FROM generate_series(1, 120) AS n`,
    );
    const { form } = await openForm();
    expect(load(form.text)('input[name=themes][value=many-120]')).toHaveLength(1);
    const before = await countRows(api, 'testimonies');
    await sent(answers({ themes: ['many-120'] }));
    expect(await countRows(api, 'testimonies')).toBe(before + 1);
  });
});
