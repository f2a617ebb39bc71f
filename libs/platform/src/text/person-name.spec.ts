import { checkPersonName } from './person-name';

const accepted = (value: unknown) => {
  const result = checkPersonName(value);
  return result.ok ? result.value : undefined;
};

describe('checkPersonName', () => {
  it.each([
    'Sam Jones',
    "Siobhán O'Neill",
    'Siobhán O’Neill',
    'Anne-Marie Smith-Jones',
    'J. R. Hartley',
    'J.R.R. Tolkien',
    'Zoë Ng',
    'محمد علي',
    '王小明',
    'Ólafur Arnalds',
    'Nguyễn Thị Minh Khai',
  ])('accepts %s', (name) => {
    expect(accepted(name)).toBe(name);
  });

  it('normalises: NFC, trimmed, runs of spaces of any kind made one space', () => {
    expect(accepted('  Zoe\u0308 \u00A0 Ng ')).toBe('Zoë Ng');
  });

  it.each([
    ['a line break', 'Sam\nPay the deposit'],
    ['a tab', 'Sam\tJones'],
    ['digits', 'Sam 2'],
    ['an email address', 'sam@example.org'],
    ['a web address', 'https://pay.example'],
    ['a domain', 'Visit payme.example'],
    ['a domain with a capital', 'Pay.Example now'],
    ['a colon', 'Note: pay'],
    ['a slash', 'Sam/Jo'],
    ['angle brackets', '<b>Sam</b>'],
    ['a comma', 'Jones, Sam'],
    ['punctuation only', '.-'],
    ['an emoji', 'Sam 😀'],
  ])('refuses %s', (_, value) => {
    const result = checkPersonName(value);
    expect(result.ok).toBe(false);
  });

  it('says what a name may hold, naming the field', () => {
    expect(checkPersonName('sam@example.org')).toMatchObject({
      ok: false,
      message: 'name must be a name: letters, spaces, hyphens and apostrophes only',
    });
    expect(checkPersonName('Sam\u0000', { field: 'contacts[2].name' })).toMatchObject({
      ok: false,
      message: 'contacts[2].name must not contain control characters such as NUL or line breaks',
    });
  });

  it('is 1 to 100 characters; empty only when optional', () => {
    expect(checkPersonName('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkPersonName('', { optional: true })).toEqual({ ok: true, value: '' });
    expect(checkPersonName('a'.repeat(100)).ok).toBe(true);
    expect(checkPersonName('a'.repeat(101))).toMatchObject({ ok: false, problem: 'too-long' });
  });
});
