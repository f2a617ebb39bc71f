/**
 * Private links carry secrets in their path (/manage/:token, /api/v1/public/registrations/:token)
 * and query strings can carry personal data (?email=). Logs keep the route shape and drop both.
 *
 * Express matches routes whatever their case and decodes %-escapes before routing, so
 * `/MANAGE/RTM%5F…` opens the same page as `/manage/rtm_…`: every check here is made on the
 * decoded, lower-cased segment, and a segment that looks like a secret is dropped wherever it is.
 */
const SECRET_SEGMENT_AFTER = new Set(['registrations', 'testimonies', 'manage', 'receipts']);

/**
 * Our secrets: `rt` + one letter + `_` and base64url (rtm_ manage links, rts_ sessions, and any
 * prefix added later), or a bare run of 43+ base64url characters (256 bits, as CSRF tokens are).
 */
const SECRET = /(?<![a-z0-9])rt[a-z]_[a-z0-9_-]+|[a-z0-9_-]{43,}/i;

/** The path without its query string, with every secret-bearing segment replaced by `:token`. */
export function redactUrl(url: string): string {
  const path = url.split(/[?#]/, 1)[0];
  const segments = path.split('/');
  const plain = segments.map(decodeSegment);
  const isPublic = plain.includes('public') || plain.includes('manage');
  let previous = '';
  return segments
    .map((segment, index) => {
      const decoded = plain[index];
      if (!decoded) return segment;
      const afterSecretName = isPublic && SECRET_SEGMENT_AFTER.has(previous);
      previous = decoded;
      return afterSecretName || SECRET.test(decoded) ? ':token' : segment;
    })
    .join('/');
}

/** Decoded and lower-cased, so `MANAGE`, `Manage` and `%6Danage` all read as `manage`. */
function decodeSegment(segment: string): string {
  return decodeLoosely(segment).toLowerCase();
}

/** decodeURIComponent, but a malformed escape (a stray %) leaves the text as it was. */
function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
