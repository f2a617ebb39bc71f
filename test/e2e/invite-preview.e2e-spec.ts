import type { Browser } from 'playwright-core';
import request from 'supertest';
import { addressHash } from '@roundtable/registrations';
import { browserBaseUrl, expectAccessibleAtEveryWidth, launchChromium } from '../support/browser';
import { bearer, createEvent, publishEvent } from '../support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * Issue 12, point 9 in a real browser: staff paste a list, see what sending it would do (how many
 * are new, already invited, unsubscribed, repeated, which lines cannot be used) and the email as
 * it will look, in its sandboxed frame, then send it and see what was sent. Each step is scanned
 * with axe-core at 1280 and 390 px, and no page is wider than the screen.
 */

const NOW = new Date('2026-03-02T10:00:00Z');

describe('invite preview, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let eventId: string;

  beforeAll(async () => {
    api = await createTestApi('invite-preview-browser', { listen: true, now: NOW });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    const token = await api.tokenFor('admin');
    const event = await createEvent(api, token, {
      title: 'Post-16 places: a roundtable',
      startsAt: '2026-03-20T18:30:00Z',
      endsAt: '2026-03-20T20:00:00Z',
    });
    await publishEvent(api, token, event.id);
    eventId = event.id;
    await request(api.http)
      .post(`/api/v1/events/${eventId}/invitations`)
      .set(bearer(token))
      .send({ contacts: [{ name: 'Old Friend', email: 'old@example.org' }] })
      .expect(201);
    await api.dataSource.query(
      "INSERT INTO invitation_suppressions (address_hash, source) VALUES ($1, 'api')",
      [addressHash('gone@example.org')],
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const count = async (table: 'registrations' | 'notifications') =>
    (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('shows the counts and the email before anything is sent, then sends the list on confirmation', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/events');

    await page.goto(`/staff/events/${eventId}/invite`);
    await page
      .getByLabel('Paste a list of people')
      .fill(
        [
          'Siobhán O’Neill <siobhan@example.org>',
          'Kit Patel, kit@example.org',
          'SIOBHAN@example.org',
          'Old Friend <old@example.org>',
          'gone@example.org',
          'Bo Green bo.example.org',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Check the invitations' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Check the invitations before you send them' })
      .waitFor();

    const keys = await page.locator('.rt-invite-counts .govuk-summary-list__key').allInnerTexts();
    const values = await page.locator('.rt-invite-counts .govuk-summary-list__value').allInnerTexts();
    const counts = Object.fromEntries(keys.map((key, index) => [key.trim(), values[index]!.trim()]));
    expect(counts).toEqual({
      'New people, who will be invited': '2',
      'Already invited or registered, so left out': '1',
      'Asked not to get invitations, so left out': '1',
      'Listed more than once, and counted once': '1',
      'Lines that cannot be used, so left out': '1',
    });
    await expect(page.locator('#invalid-lines').innerText()).resolves.toContain(
      'Line 6: “Bo Green bo.example.org” is not an email address',
    );
    // The email, from the real builder: its subject, its HTML in a sandboxed frame, its text.
    await expect(page.getByText('Invitation: Post-16 places: a roundtable,').count()).resolves.toBe(1);
    const frame = page.frameLocator('iframe.rt-email-preview');
    await expect(frame.locator('h1').innerText()).resolves.toBe(
      'You are invited: Post-16 places: a roundtable',
    );
    await expect(frame.getByText('Siobhán O’Neill', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('iframe.rt-email-preview').getAttribute('sandbox')).resolves.toBe(
      'allow-scripts',
    );
    await page.getByText('The plain-text version').click();
    await expect(page.locator('#email-text').innerText()).resolves.toContain('Yes, I can come');
    // Nothing written or sent yet: only the invitation made before.
    expect(await count('registrations')).toBe(1);
    expect(await count('notifications')).toBe(1);
    await expectAccessibleAtEveryWidth(page, 'invite preview');

    await page.getByRole('button', { name: 'Send 2 invitations' }).click();
    await page.waitForURL(/\/invite\?invited=2/);
    const banner = await page.locator('.govuk-notification-banner').innerText();
    expect(banner).toContain('2 people invited');
    expect(banner).toContain('1 already invited or registered, so not invited again');
    expect(banner).toContain('1 asked not to get invitations, so not invited');
    expect(banner).toContain('1 listed more than once, and invited once');
    expect(await count('registrations')).toBe(3);
    const invited: Array<{ email: string }> = await api.dataSource.query(
      "SELECT email FROM registrations WHERE status = 'invited' ORDER BY email",
    );
    expect(invited.map((row) => row.email)).toEqual([
      'kit@example.org',
      'old@example.org',
      'siobhan@example.org',
    ]);
    await expectAccessibleAtEveryWidth(page, 'invite form, after sending');

    await context.close();
  }, 120_000);
});
