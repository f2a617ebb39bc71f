import type { Browser } from 'playwright-core';
import { browserBaseUrl, errorSummary, expectAccessible, launchChromium } from '../support/browser';
import { createEvent, publishEvent } from '../support/fixtures';
import { registrationOf } from '../support/registered';
import { ADMIN, createTestApi, type TestApi } from '../support/test-app';

/**
 * The staff invite form (a pasted list, a CSV file, and a list with mistakes; each previewed,
 * then sent: invite-preview.e2e-spec.ts looks at the preview itself) and the
 * unsubscribe page an invitation links to, in a real browser, each scanned with axe-core.
 */

const NOW = new Date('2026-03-02T10:00:00Z');

describe('invite and unsubscribe pages, in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let eventId: string;

  beforeAll(async () => {
    api = await createTestApi('invite-browser', { listen: true, now: NOW });
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
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const registrations = async () =>
    (await api.dataSource.query('SELECT count(*)::int AS n FROM registrations'))[0].n as number;

  it('lets staff invite people by pasting a list or uploading a CSV, and explains mistakes', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/staff/events');

    await page.goto(`/staff/events/${eventId}`);
    await page.getByRole('link', { name: /Invite people/ }).click();
    await page.waitForURL(`**/staff/events/${eventId}/invite`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Invite people');
    await expectAccessible(page, 'invite form');

    // Nothing at all is the form again; a list with no usable line names each line to fix.
    await page.getByRole('button', { name: 'Check the invitations' }).click();
    expect(await errorSummary(page)).toEqual(['Paste a list of people to invite, or choose a CSV file']);
    const wrong = ['Kit Patel kit.example.org', 'Bo Green'].join('\n');
    await page.getByLabel('Paste a list of people').fill(wrong);
    await page.getByRole('button', { name: 'Check the invitations' }).click();
    expect(await errorSummary(page)).toEqual([
      'Line 1: “Kit Patel kit.example.org” is not an email address. Check it looks like name@example.org',
      'Line 2: “Bo Green” is not an email address. Check it looks like name@example.org',
    ]);
    await expect(page.locator('#people-error').innerText()).resolves.toContain('Line 2');
    // What they typed is kept, so they fix the lines rather than start again.
    await expect(page.getByLabel('Paste a list of people').inputValue()).resolves.toBe(wrong);
    expect(await registrations()).toBe(0);
    await expectAccessible(page, 'invite form, with errors');

    // Three people: previewed, then sent.
    await page
      .getByLabel('Paste a list of people')
      .fill(['Sam Jones <sam@example.org>', 'Kit Patel, kit@example.org', '', 'ash@example.org'].join('\n'));
    await page.getByRole('button', { name: 'Check the invitations' }).click();
    await page.getByRole('heading', { name: 'Check the invitations before you send them' }).waitFor();
    expect(await registrations()).toBe(0);
    await page.getByRole('button', { name: 'Send 3 invitations' }).click();
    await page.waitForURL(/\/invite\?invited=3/);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      '3 people invited',
    );
    expect(await registrations()).toBe(3);
    await expectAccessible(page, 'invite form, after sending');

    // A CSV file: one new person, one already invited, one repeated.
    const csv =
      'Name,Email\r\n"Sam O’Neill",sam@example.org\r\nDi Hall,di@example.org\r\nDi again,DI@example.org\r\n';
    await page.getByLabel('Or choose a CSV file').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Check the invitations' }).click();
    await page.getByRole('button', { name: 'Send 1 invitation' }).click();
    await page.waitForURL(/\/invite\?invited=1/);
    const banner = await page.locator('.govuk-notification-banner').innerText();
    expect(banner).toContain('1 person invited');
    expect(banner).toContain('1 already invited or registered, so not invited again');
    expect(banner).toContain('1 listed more than once, and invited once');
    expect(await registrations()).toBe(4);

    // A CSV without an email column is explained by the file field.
    await page.getByLabel('Or choose a CSV file').setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Phone\nSam,0121\n'),
    });
    await page.getByRole('button', { name: 'Check the invitations' }).click();
    expect((await errorSummary(page))[0]).toMatch(/header row with an "email" column/);
    await expect(page.locator('#file-error').innerText()).resolves.toContain('email');
    await expectAccessible(page, 'invite form, with a CSV error');
    await context.close();
    // Two steps for each list now (check, then send), each scanned: more than the default minute.
  }, 120_000);

  it('lets an invited person stop invitations with a button, without signing in', async () => {
    // The link her invitation carries, derived from her registration as the worker derives it.
    const row = { token: (await registrationOf(api, eventId, 'ash@example.org')).manageToken };
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto(`/manage/${row.token}/unsubscribe`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Stop getting invitations from us');
    await expectAccessible(page, 'unsubscribe');
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM invitation_suppressions'))[0].n).toBe(
      0,
    );

    await page.getByRole('button', { name: 'Stop getting invitations' }).click();
    await page.locator('.govuk-panel').waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe('You will not get any more invitations');
    await expectAccessible(page, 'unsubscribed');
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM invitation_suppressions'))[0].n).toBe(
      1,
    );
    await context.close();
  });
});
