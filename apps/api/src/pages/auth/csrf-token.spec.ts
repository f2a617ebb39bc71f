import { csrfTokensMatch, newCsrfToken } from './csrf-token';

describe('csrfTokensMatch', () => {
  const token = newCsrfToken();

  it('accepts the same token', () => {
    expect(csrfTokensMatch(token, token)).toBe(true);
  });

  it.each([
    ['another token', newCsrfToken()],
    ['nothing', undefined],
    ['an empty field', ''],
    ['a list', [token]],
    ['a prefix', token.slice(0, 40)],
  ])('refuses %s', (_, field) => {
    expect(csrfTokensMatch(token, field)).toBe(false);
  });

  it('refuses when there is no cookie', () => {
    expect(csrfTokensMatch(undefined, token)).toBe(false);
  });
});
