import request from 'supertest';
import { bearer } from '../../../../test/support/fixtures';
import { seedEvent } from '../../../../test/support/notification-seed';
import { csrfFieldOf, signedInAgent } from '../../../../test/support/hostile/page-session';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';

/**
 * Issue 12, point 2: the privacy notice and accessibility statement. Public pages with default
 * text written for the office (the retention periods from the configuration), linked from every
 * footer and public form; an admin changes the text or puts the default back, in the pages or
 * the API, and each change is audited. The text is shown escaped, paragraph by paragraph.
 */
describe('site texts: the privacy notice and accessibility statement', () => {
  let api: TestApi;
  let adminToken: string;
  let organiserToken: string;

  beforeAll(async () => {
    api = await createTestApi('site-texts', {
      env: { TESTIMONY_RETENTION_MONTHS: '18', REGISTRATION_RETENTION_DAYS: '60' },
    });
    adminToken = await api.tokenFor('admin');
    organiserToken = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const audits = async () =>
    api.dataSource.query(
      `SELECT action, actor_id, detail FROM audit_log WHERE action = 'site-text.update' ORDER BY at, id`,
    );

  it('shows the default privacy notice for this office: health data, lawful basis, who sees it, the periods in force, erasure', async () => {
    const res = await request(api.http).get('/privacy').expect(200);
    expect(res.text).toContain('<h1 class="govuk-heading-l">How we use your information</h1>');
    expect(res.text).toContain('special category');
    expect(res.text).toContain('lawful basis');
    expect(res.text).toContain('only if you ticked the box');
    expect(res.text).toContain('erased 60 days after the event ends');
    expect(res.text).toContain('erased 18 months after you gave it');
    expect(res.text).toContain('manage link');
    expect(res.text).toContain('receipt link');
  });

  it('shows the default accessibility statement', async () => {
    const res = await request(api.http).get('/accessibility').expect(200);
    expect(res.text).toContain('Accessibility statement');
    expect(res.text).toContain('WCAG');
  });

  it('links both from the footer of every page, public and staff', async () => {
    const agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
    for (const html of [
      (await request(api.http).get('/events')).text,
      (await request(api.http).get('/sign-in')).text,
      (await agent.get('/staff/events')).text,
    ]) {
      expect(html).toContain('<a class="govuk-footer__link" href="/privacy">');
      expect(html).toContain('<a class="govuk-footer__link" href="/accessibility">');
    }
  });

  it('lists the texts for admins through the API, default first', async () => {
    const res = await request(api.http).get('/api/v1/site-texts').set(bearer(adminToken)).expect(200);
    expect(res.body.map((text: { key: string }) => text.key)).toEqual(['privacy', 'accessibility']);
    expect(res.body[0]).toMatchObject({
      isDefault: true,
      updatedAt: null,
      title: 'How we use your information',
    });
  });

  it('lets only admins change a text (organisers 403, nobody 401)', async () => {
    await request(api.http).get('/api/v1/site-texts').expect(401);
    await request(api.http).get('/api/v1/site-texts').set(bearer(organiserToken)).expect(403);
    await request(api.http)
      .put('/api/v1/site-texts/privacy')
      .set(bearer(organiserToken))
      .send({ body: 'Changed' })
      .expect(403);
    const agent = await organiserAgent();
    await agent.get('/staff/site-texts/privacy').expect(403);
    expect(await audits()).toEqual([]);
  });

  it('changes the text through the API, shows it escaped in paragraphs, audits it, and resets it', async () => {
    const body = 'First <script>alert(1)</script> paragraph.\n\n## A heading\n\nSecond\nline.';
    const put = await request(api.http)
      .put('/api/v1/site-texts/privacy')
      .set(bearer(adminToken))
      .send({ body })
      .expect(200);
    expect(put.body).toMatchObject({ key: 'privacy', body, isDefault: false });

    const page = await request(api.http).get('/privacy').expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain(
      '<p class="govuk-body">First &lt;script&gt;alert(1)&lt;/script&gt; paragraph.</p>',
    );
    expect(page.text).toContain('<h2 class="govuk-heading-m">A heading</h2>');
    expect(page.text).toContain('<p class="govuk-body">Second line.</p>');
    expect(page.text).not.toContain('lawful basis');

    const reset = await request(api.http)
      .delete('/api/v1/site-texts/privacy')
      .set(bearer(adminToken))
      .expect(200);
    expect(reset.body).toMatchObject({ isDefault: true, updatedAt: null });
    expect((await request(api.http).get('/privacy')).text).toContain('lawful basis');

    const entries = await audits();
    expect(entries.map((entry: { detail: unknown }) => entry.detail)).toEqual([
      { key: 'privacy', reset: false, length: body.length },
      { key: 'privacy', reset: true },
    ]);
    expect(entries.every((entry: { actor_id: string | null }) => entry.actor_id !== null)).toBe(true);
  });

  it('refuses an unknown key (404), a blank text and a NUL (400), changing nothing', async () => {
    const before = await audits();
    const unknown = await request(api.http)
      .put('/api/v1/site-texts/cookies')
      .set(bearer(adminToken))
      .send({ body: 'Text' })
      .expect(404);
    expect(unknown.body.message).toMatch(/privacy, accessibility/);
    await request(api.http)
      .put('/api/v1/site-texts/privacy')
      .set(bearer(adminToken))
      .send({ body: '  \n ' })
      .expect(400);
    await request(api.http)
      .put('/api/v1/site-texts/privacy')
      .set(bearer(adminToken))
      .send({ body: 'a\u0000b' })
      .expect(400);
    await request(api.http).put('/api/v1/site-texts/privacy').set(bearer(adminToken)).send({}).expect(400);
    await request(api.http).delete('/api/v1/site-texts/nope').set(bearer(adminToken)).expect(404);
    expect(await audits()).toEqual(before);
    expect(await api.dataSource.query('SELECT * FROM site_texts')).toEqual([]);
  });

  it('lets an admin change and reset a text in the staff pages, with an error by the field for a blank one', async () => {
    const agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
    const form = await agent.get('/staff/site-texts/accessibility').expect(200);
    expect(form.text).toContain('The page shows the default text.');
    const csrf = csrfFieldOf(form.text)!;

    const blank = await agent
      .post('/staff/site-texts/accessibility')
      .type('form')
      .send({ _csrf: csrf.value, body: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('Enter the text of the page');

    const saved = await agent
      .post('/staff/site-texts/accessibility')
      .type('form')
      .send({ _csrf: csrf.value, body: 'We are working on it.\n\nCall the office.' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/staff/site-texts/accessibility?saved=1');
    const shown = (await request(api.http).get('/accessibility')).text;
    expect(shown).toContain('<p class="govuk-body">We are working on it.</p>');
    expect(shown).toContain('<p class="govuk-body">Call the office.</p>');

    const page = await agent.get('/staff/site-texts/accessibility?saved=1').expect(200);
    expect(page.text).toContain('The page now shows your text.');
    const reset = await agent
      .post('/staff/site-texts/accessibility/reset')
      .type('form')
      .send({ _csrf: csrfFieldOf(page.text)!.value });
    expect(reset.status).toBe(303);
    expect((await request(api.http).get('/accessibility')).text).toContain('WCAG');
    await agent.get('/staff/site-texts/cookies').expect(404);
  });

  it('puts "How we use your information" by the submit button of the public forms', async () => {
    const event = await seedEvent(api.dataSource);
    const pages = ['/manage-link', '/testimony/new', `/events/${event.id}/register`];
    for (const path of pages) {
      const res = await request(api.http).get(path);
      expect([
        path,
        res.status,
        res.text.includes('href="/privacy">How we use your information</a>:'),
      ]).toEqual([path, 200, true]);
    }
  });

  async function organiserAgent() {
    const email = `organiser-${Date.now()}@roundtable.test`;
    const password = 'organiser-password-1';
    await request(api.http)
      .post('/api/v1/users')
      .set(bearer(adminToken))
      .send({ email, name: 'Olu Organiser', password, role: 'organiser' })
      .expect(201);
    return signedInAgent(api, email, password);
  }
});
