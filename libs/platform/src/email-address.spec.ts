import { checkEmailAddress } from './email-address';

describe('checkEmailAddress', () => {
  it('accepts and trims an ordinary address', () => {
    expect(checkEmailAddress(' sam@example.org ')).toEqual({ ok: true, value: 'sam@example.org' });
  });

  it.each([
    ['a right-to-left override in the local part', 'sa\u202Em@example.org', 'invisible'],
    ['a right-to-left override in the domain', 'sam@exa\u202Emple.org', 'invisible'],
    ['a zero-width space', 'sam\u200B@example.org', 'invisible'],
    ['a line break', 'sam@example.org\nBcc: x@example.org', 'control'],
    ['no @', 'sam.example.org', 'not-an-address'],
    ['too long', `${'a'.repeat(250)}@example.org`, 'too-long'],
    ['a number', 42, 'not-text'],
  ])('refuses %s', (_, value, problem) => {
    expect(checkEmailAddress(value)).toMatchObject({ ok: false, problem });
  });

  it('names the field', () => {
    expect(checkEmailAddress('nope', 'contacts[3].email')).toMatchObject({
      message: 'contacts[3].email must be an email address, such as name@example.org',
    });
  });
});
