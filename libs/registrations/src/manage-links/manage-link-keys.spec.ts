import { hashSecretToken } from '@roundtable/platform';
import { ManageLinkKeys, UnknownLinkKeyError } from './manage-link-keys';

const ONES = { id: 'k1', secret: Buffer.alloc(32, 1) };
const TWOS = { id: 'k2', secret: Buffer.alloc(32, 2) };
/** Same shape as ManageTokenPipe accepts: `rtm_` and 43 base64url characters. */
const TOKEN_SHAPE = /^rtm_[A-Za-z0-9_-]{43}$/;

describe('ManageLinkKeys', () => {
  it('derives rtm_ + base64url(HMAC-SHA256(key, nonce)): a known vector, checked with openssl', () => {
    // printf nonce-for-a-known-vector | openssl dgst -sha256 -mac HMAC -macopt hexkey:0101…01 -binary | base64url
    expect(
      new ManageLinkKeys([ONES]).tokenFor({ linkNonce: 'nonce-for-a-known-vector', linkKeyId: 'k1' }),
    ).toBe('rtm_JV7a6JKIKds3I4I4OwWaq-9BfNaLV9zsrZSdacfXVW4');
  });

  it('seeds new links under the current (first) key, with a fresh nonce each time, storing only the hash', () => {
    const keys = new ManageLinkKeys([TWOS, ONES]);
    const first = keys.newSeed();
    const second = keys.newSeed();
    expect(first.linkKeyId).toBe('k2');
    expect(first.linkNonce).not.toBe(second.linkNonce);
    const token = keys.tokenFor(first);
    expect(token).toMatch(TOKEN_SHAPE);
    expect(first.manageTokenHash).toBe(hashSecretToken(token));
    expect(JSON.stringify(first)).not.toContain(token.slice(4));
  });

  it('still derives a link made under an older key while that key is listed (rotation)', () => {
    const seed = new ManageLinkKeys([ONES]).newSeed();
    const before = new ManageLinkKeys([ONES]).tokenFor(seed);
    const rotated = new ManageLinkKeys([TWOS, ONES]);
    expect(rotated.tokenFor(seed)).toBe(before);
    expect(rotated.canDerive(seed)).toBe(true);
    expect(rotated.newSeed().linkKeyId).toBe('k2');
  });

  it('refuses, with a typed error naming the key id, a link whose key was rotated out', () => {
    const seed = new ManageLinkKeys([ONES]).newSeed();
    const withoutOld = new ManageLinkKeys([TWOS]);
    expect(withoutOld.canDerive(seed)).toBe(false);
    expect(() => withoutOld.tokenFor(seed)).toThrow(UnknownLinkKeyError);
    try {
      withoutOld.tokenFor(seed);
    } catch (error) {
      expect((error as UnknownLinkKeyError).keyId).toBe('k1');
    }
  });

  it('gives a different token for the same nonce under a different key', () => {
    const seed = { linkNonce: 'same', linkKeyId: 'k' };
    const a = new ManageLinkKeys([{ id: 'k', secret: ONES.secret }]).tokenFor(seed);
    const b = new ManageLinkKeys([{ id: 'k', secret: TWOS.secret }]).tokenFor(seed);
    expect(a).not.toBe(b);
  });

  it('cannot derive a row that has no seed yet (made before derived links)', () => {
    expect(new ManageLinkKeys([ONES]).canDerive({ linkNonce: null as never, linkKeyId: null as never })).toBe(
      false,
    );
  });
});
