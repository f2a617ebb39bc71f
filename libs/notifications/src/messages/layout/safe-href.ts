const ALLOWED = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/**
 * Checks that a link is one people can follow safely. Links come from configuration and staff
 * input (an online meeting link), so a `javascript:` link or a broken one is refused outright
 * rather than sent to thousands of people.
 */
export function safeHref(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new Error('a link in a message is not an absolute URL');
  }
  if (!ALLOWED.has(url.protocol))
    throw new Error(`a link in a message uses ${url.protocol}, which is not allowed`);
  return href;
}
