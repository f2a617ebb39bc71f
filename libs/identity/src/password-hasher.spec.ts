import { PasswordHashCost, PasswordHasher } from './password-hasher';

/**
 * The api tests hash at OWASP's minimum to save time (test/support/test-app.ts), so the cost
 * production uses is pinned here: weakening it, or losing its wiring, fails this file.
 */
describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(new PasswordHashCost());

  it('hashes with argon2id at argon2 defaults: 64 MiB, 3 passes, 4 lanes', async () => {
    const hash = await hasher.hash('a-long-enough-password-1');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(hash).not.toContain('a-long-enough-password-1');
  });

  it('verifies the right password only, and refuses any password for an account without one', async () => {
    const hash = await hasher.hash('a-long-enough-password-1');
    await expect(hasher.verify(hash, 'a-long-enough-password-1')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'a-long-enough-password-2')).resolves.toBe(false);
    await expect(hasher.verify(null, 'a-long-enough-password-1')).resolves.toBe(false);
    await expect(hasher.verify('not a hash', 'a-long-enough-password-1')).resolves.toBe(false);
  });
});
