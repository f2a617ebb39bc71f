import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless. Without the background-networking flags it keeps trying to reach
 * Google's services through this machine's closed network, and its start-up stalls.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The api's own address in a form Chromium reaches (it listens on 127.0.0.1). */
export function browserBaseUrl(url: string): string {
  return url.replace('[::1]', '127.0.0.1');
}

/**
 * Runs axe-core on the page as it is and fails, naming each rule and the elements it found, if
 * anything violates WCAG A/AA or axe's best practices (axe's default rule set). @axe-core/playwright
 * injects axe through the DevTools protocol, which the page's Content-Security-Policy (no inline
 * scripts) does not block.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of opening a blank page to gather the results:
  // about a third of the time per check (measured 260 ms against 600-1,000 ms). It cannot reach a
  // cross-origin frame, and the invite preview's sandboxed email frame is one, so a page with any
  // frame gets the full check.
  const legacy = page.frames().length === 1;
  const builder = legacy
    ? new AxeBuilder({ page, axeSource: await axeAlreadyIn(page) }).setLegacyMode()
    : new AxeBuilder({ page });
  const { violations } = await builder.options({ resultTypes: ['violations'] }).analyze();
  const described = violations.map(
    (violation) =>
      `${violation.id} (${violation.help}) at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
  expect({ page: label, url: page.url(), violations: described }).toEqual({
    page: label,
    url: page.url(),
    violations: [],
  });
}

/** A statement in place of axe-core's source, for a page that already holds axe. */
const AXE_ALREADY_LOADED = ';';

/**
 * Puts axe-core in the page unless this page load already has it, and returns the source for
 * AxeBuilder to inject: a no-op, since axe is there. AxeBuilder evaluates axe's source (about half
 * a megabyte of script) twice on every analyze in legacy mode, so a page checked at both widths
 * paid for it four times: measured 460 ms an analyze, 260 of them axe.run itself. axe.run and
 * what AxeBuilder configures and passes it are unchanged; axe.run reads the page afresh each time.
 */
async function axeAlreadyIn(page: Page): Promise<string> {
  const loaded = await page.evaluate('typeof window.axe?.run === "function"');
  if (!loaded) await page.evaluate(axe.source);
  return AXE_ALREADY_LOADED;
}

/** The GOV.UK error summary's messages, once it is shown. */
export async function errorSummary(page: Page): Promise<string[]> {
  await page.locator('.govuk-error-summary').waitFor();
  return page.locator('.govuk-error-summary__list li').allInnerTexts();
}

/** The widths every page is checked at: a desktop and a small phone. */
export const PAGE_WIDTHS = [1280, 390] as const;

/**
 * axe-core at each of PAGE_WIDTHS, and the page never wider than the screen there (a wide table
 * must scroll inside its own region, not widen the page). Leaves the page at 1280 px.
 */
export async function expectAccessibleAtEveryWidth(page: Page, label: string): Promise<void> {
  for (const width of PAGE_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `${label} at ${width}px`);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect({ page: label, width, fits }).toEqual({ page: label, width, fits: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
