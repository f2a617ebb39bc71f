import { hashSecretToken } from '../secret-token';
import { DerivedLinkKeys, UnknownLinkKeyError } from './derived-link-keys';

const ONES = { id: 'k1', secret: Buffer.alloc(32, 1) };
const TWOS = { id: 'k2', secret: Buffer.alloc(32, 2) };

describe('DerivedLinkKeys', () => {
  it('derives prefix + base64url(HMAC-SHA256(key, nonce)) (the manage links known vector)', () => {
    const seed = { nonce: 'nonce-for-a-known-vector', keyId: 'k1' };
    expect(new DerivedLinkKeys('rtm_', [ONES]).tokenFor(seed)).toBe(
      'rtm_JV7a6JKIKds3I4I4OwWaq-9BfNaLV9zsrZSdacfXVW4',
    );
    expect(new DerivedLinkKeys('rtr_', [ONES]).tokenFor(seed)).toBe(
      'rtr_JV7a6JKIKds3I4I4OwWaq-9BfNaLV9zsrZSdacfXVW4',
    );
  });

  it('seeds under the current key and stores only the hash; the token has its own shape', () => {
    const keys = new DerivedLinkKeys('rtr_', [TWOS, ONES]);
    const seed = keys.newSeed();
    expect(seed.keyId).toBe('k2');
    const token = keys.tokenFor(seed);
    expect(keys.hasShape(token)).toBe(true);
    expect(keys.hasShape(token.replace('rtr_', 'rtm_'))).toBe(false);
    expect(keys.hasShape(`${token}x`)).toBe(false);
    expect(seed.tokenHash).toBe(hashSecretToken(token));
  });

  it('revokes links made under a key taken out of the list', () => {
    const seed = new DerivedLinkKeys('rtr_', [ONES]).newSeed();
    const rotated = new DerivedLinkKeys('rtr_', [TWOS]);
    expect(rotated.isRevoked(seed.keyId)).toBe(true);
    expect(rotated.canDerive(seed)).toBe(false);
    expect(() => rotated.tokenFor(seed)).toThrow(UnknownLinkKeyError);
  });

  it('refuses a prefix that would make links ambiguous', () => {
    expect(() => new DerivedLinkKeys('RT', [ONES])).toThrow(/prefix/);
  });
});
