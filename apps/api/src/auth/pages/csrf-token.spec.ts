import { csrfTokenFitsSession, csrfTokensMatch, newCsrfToken } from './csrf-token';

const SESSION = 'rts_session-token-of-the-member-of-staff-signed-in-0001';
const OTHER_SESSION = 'rts_session-token-of-someone-else-entirely-000000002';

describe('csrfTokensMatch', () => {
  const token = newCsrfToken(SESSION);

  it('accepts the same token, made for this session', () => {
    expect(csrfTokensMatch(token, token, SESSION)).toBe(true);
  });

  it.each([
    ['another token', newCsrfToken(SESSION)],
    ['nothing', undefined],
    ['an empty field', ''],
    ['a list', [token]],
    ['a prefix', token.slice(0, 40)],
  ])('refuses %s', (_, field) => {
    expect(csrfTokensMatch(token, field, SESSION)).toBe(false);
  });

  it('refuses when there is no cookie', () => {
    expect(csrfTokensMatch(undefined, token, SESSION)).toBe(false);
  });

  it('refuses a token made before sign-in, once signed in', () => {
    const signedOut = newCsrfToken(undefined);
    expect(csrfTokensMatch(signedOut, signedOut, undefined)).toBe(true);
    expect(csrfTokensMatch(signedOut, signedOut, SESSION)).toBe(false);
  });

  it('refuses a token made for another session, and a signed-in token once signed out', () => {
    const theirs = newCsrfToken(OTHER_SESSION);
    expect(csrfTokensMatch(theirs, theirs, SESSION)).toBe(false);
    expect(csrfTokensMatch(token, token, undefined)).toBe(false);
  });

  it('refuses a token whose random part was kept but whose HMAC was made up', () => {
    const forged = `${token.slice(0, 43)}${'A'.repeat(43)}`;
    expect(csrfTokensMatch(forged, forged, SESSION)).toBe(false);
  });
});

describe('csrfTokenFitsSession', () => {
  it('tells the middleware whether to keep the browser token or make a new one', () => {
    expect(csrfTokenFitsSession(newCsrfToken(SESSION), SESSION)).toBe(true);
    expect(csrfTokenFitsSession(newCsrfToken(undefined), SESSION)).toBe(false);
    expect(csrfTokenFitsSession('an-old-style-token-without-a-mac-0123456789abcdef', undefined)).toBe(false);
    expect(csrfTokenFitsSession(undefined, undefined)).toBe(false);
  });
});
