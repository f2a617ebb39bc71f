import { load } from 'cheerio';

/** The hidden CSRF field's value on a page (its first form's); throws when the page has none. */
export function csrfOf(html: string): string {
  const token = load(html)('input[name="_csrf"]').first().attr('value');
  if (!token) throw new Error('no CSRF field on the page');
  return token;
}

/** The GOV.UK error summary's messages, each with the field it links to (`#field`), as shown. */
export function errorSummaryLinks(html: string): Array<[string, string]> {
  const $ = load(html);
  return $('.govuk-error-summary__body a')
    .toArray()
    .map((link) => [$(link).text().trim(), $(link).attr('href') ?? '']);
}

/** The GOV.UK error summary's messages, as shown. */
export function errorSummaryTexts(html: string): string[] {
  return errorSummaryLinks(html).map(([text]) => text);
}

/** How many elements on the page match a CSS selector. */
export function countOf(html: string, selector: string): number {
  return load(html)(selector).length;
}

/** The page's <title>, as shown. */
export function titleOf(html: string): string {
  return load(html)('title').text().trim();
}
