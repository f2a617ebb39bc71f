import type { Browser, Page } from 'playwright-core';
import { browserBaseUrl, errorSummary, expectAccessible, launchChromium } from '../support/browser';
import { createEvent, createVenue, publishEvent } from '../support/fixtures';
import { createPublishedCampaign } from '../support/published-campaign';
import { createTestApi, type TestApi } from '../support/test-app';

/**
 * Telling us your experience with the keyboard alone (Tab, Space, Enter, arrow keys and typing;
 * no clicks): from the campaign page to the form, its errors, the confirmation with the private
 * link, then through that link withdrawing a consent and erasing it all. Every page is scanned
 * with axe-core and must have no violations.
 */

const STORY = 'We waited 40 weeks for the EHC plan. My son was out of school for most of it.';

/** Presses Tab until the focused element matches `selector`, as someone moving through the page would. */
async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Into a radio group with Tab, then the arrow keys to the wanted choice (arrows select as they move). */
async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[type=radio][name="${name}"]`);
  for (let presses = 0; presses < 20; presses += 1) {
    if (
      await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, `[value="${value}"]`)
    )
      break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Space');
  expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked()).toBe(true);
}

async function tickBox(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('Space');
}

/** Moves to a link or button by Tab and presses Enter; waits for the page it leads to. */
async function follow(page: Page, selector: string, url: string | RegExp): Promise<void> {
  await tabTo(page, selector);
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

describe('testimony pages, in a browser, by keyboard alone', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let campaignId: string;

  beforeAll(async () => {
    api = await createTestApi('browser-testimony', { listen: true, env: { PUBLIC_RATE_LIMIT: '100000' } });
    base = browserBaseUrl(await api.app.getUrl());
    browser = await launchChromium();
    const token = await api.tokenFor('admin');
    campaignId = (await createPublishedCampaign(api, token, { title: 'SEND in Halesowen' })).id;
    const venue = await createVenue(api, token, { name: 'Cornbow Hall' });
    const start = new Date(api.clock.now().getTime() + 7 * 86_400_000);
    const event = await createEvent(api, token, {
      title: 'Waiting for an EHC plan',
      venueId: venue.id,
      campaignId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    await publishEvent(api, token, event.id);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('sends testimony, withdraws a consent and erases it, every page accessible', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();

    await page.goto(`/campaigns/${campaignId}`);
    await expectAccessible(page, 'campaign page');
    await follow(page, 'a.govuk-button--start', '**/testimony/new?campaign=*');
    await expectAccessible(page, 'testimony form');

    // Sent empty: the summary says what to fix, and the page stays accessible.
    await follow(page, 'form button.govuk-button', '**/testimony/new');
    expect(await errorSummary(page)).toEqual([
      'Select which of these describes you best',
      'Select the area you live or work in',
      'Tell us about your experience',
      'Select whether we may quote what you wrote',
    ]);
    await expectAccessible(page, 'testimony form with errors');

    await chooseRadio(page, 'role', 'parent-carer');
    await chooseRadio(page, 'area', 'halesowen-north');
    await tickBox(page, 'input[name="themes"]');
    await tabTo(page, 'textarea[name="story"]');
    await page.keyboard.type(STORY);
    await tabTo(page, 'details summary');
    await page.keyboard.press('Enter');
    await tabTo(page, 'input[name="planWaitWeeks"]');
    await page.keyboard.type('40');
    await chooseRadio(page, 'quoteConsent', 'quote-anonymously');
    await tickBox(page, 'input[name="consents"][value="share-with-authority"]');
    await tabTo(page, 'input[name="email"]');
    await page.keyboard.type('jo.carer@example.org');
    await follow(page, 'form button.govuk-button', /\/testimony\/receipt\/rtr_[\w-]{43}\/sent$/);

    await expect(page.locator('.govuk-panel__title').innerText()).resolves.toBe('Thank you');
    await expect(page.locator('main').innerText()).resolves.toContain(
      'We have also sent this link to the email address you gave us',
    );
    await expectAccessible(page, 'confirmation');
    const [row] = await api.dataSource.query(
      'SELECT id, plan_wait_weeks, share_with_authority FROM testimonies',
    );
    expect(row).toMatchObject({ plan_wait_weeks: 40, share_with_authority: true });

    const receiptPath = (await page.locator('#receipt-link').getAttribute('href'))!;
    await follow(page, '#receipt-link', `**${receiptPath}`);
    await expect(page.locator('main').innerText()).resolves.toContain(STORY);
    await expectAccessible(page, 'receipt page');

    // Withdraw permission to share with the council.
    await follow(page, `a[href="${receiptPath}/consent"]`, `**${receiptPath}/consent`);
    await expectAccessible(page, 'change consent');
    await tickBox(page, 'input[name="consents"][value="share-with-authority"]');
    await follow(page, 'form button.govuk-button', `**${receiptPath}?done=consent`);
    await expect(page.locator('.govuk-notification-banner--success').innerText()).resolves.toContain(
      'Your choices have been saved',
    );
    await expectAccessible(page, 'receipt page, consent changed');
    const [changed] = await api.dataSource.query('SELECT share_with_authority FROM testimonies');
    expect(changed.share_with_authority).toBe(false);

    // Erase, after the "are you sure?" page.
    await follow(page, `a[href="${receiptPath}/erase"]`, `**${receiptPath}/erase`);
    await expectAccessible(page, 'erase confirmation');
    await follow(page, 'form button.govuk-button--warning', '**/testimony/erased');
    await expectAccessible(page, 'erased');
    expect(await api.dataSource.query('SELECT id FROM testimonies')).toEqual([]);

    const gone = await page.goto(receiptPath);
    expect(gone?.status()).toBe(404);
    await expectAccessible(page, 'receipt link after erasing');
    await context.close();
  }, 180_000);
});
