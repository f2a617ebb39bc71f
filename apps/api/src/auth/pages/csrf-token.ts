import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The hidden form field that must repeat the CSRF cookie. */
export const CSRF_FIELD = '_csrf';

/** A random part and its HMAC, both 256 bits in base64url, one after the other. */
const TOKEN_FORMAT = /^([A-Za-z0-9_-]{43})([A-Za-z0-9_-]{43})$/;

/**
 * A CSRF token bound to the session it is for: a random part and an HMAC of it keyed by the
 * session token (a 256-bit secret only that browser and our database know), or, signed out, by
 * nothing. So a token taken before sign-in, or planted from another session, does not fit the
 * session it is posted with, and signing in or out gives a new one (see CsrfMiddleware).
 */
export function newCsrfToken(sessionToken: string | undefined): string {
  const random = randomBytes(32).toString('base64url');
  return `${random}${mac(random, sessionToken)}`;
}

/** Whether the token was made for this session (or for no session, signed out). */
export function csrfTokenFitsSession(token: string | undefined, sessionToken: string | undefined): boolean {
  const match = token ? TOKEN_FORMAT.exec(token) : null;
  if (!match) return false;
  return timingSafeEqual(Buffer.from(match[2]), Buffer.from(mac(match[1], sessionToken)));
}

/**
 * The form's field repeats the browser's CSRF cookie (double submit: another site can make the
 * browser send the cookie, but cannot read it to put it in the form), and the token fits the
 * session the request carries. Compared through hashes so the comparison takes the same time
 * whatever the lengths and contents.
 */
export function csrfTokensMatch(
  cookie: string | undefined,
  field: unknown,
  sessionToken: string | undefined,
): boolean {
  if (!cookie || typeof field !== 'string' || !TOKEN_FORMAT.test(field)) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(cookie), digest(field)) && csrfTokenFitsSession(cookie, sessionToken);
}

function mac(random: string, sessionToken: string | undefined): string {
  // The prefix keeps this use of the session token apart from any other it may have.
  return createHmac('sha256', `roundtable-csrf:${sessionToken ?? ''}`)
    .update(random)
    .digest('base64url');
}
