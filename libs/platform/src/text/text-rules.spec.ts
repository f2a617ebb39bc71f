import { checkText, normaliseText, stripUnsafeCharacters, textLength, type TextRule } from './text-rules';

const line: TextRule = { field: 'title', max: 20 };
const paragraphs: TextRule = { field: 'description', max: 50, multiLine: true };

const problemOf = (value: unknown, rule: TextRule) => {
  const result = checkText(value, rule);
  return result.ok ? undefined : result.problem;
};

describe('normaliseText', () => {
  it('composes to NFC, trims and makes every line break a \\n', () => {
    expect(normaliseText('  Cafe\u0301 \r\nnext\rlast  ')).toBe('Café \nnext\nlast');
  });
});

describe('checkText', () => {
  it('returns the normalised text when it is fine', () => {
    expect(checkText('  Re\u0301union  ', line)).toEqual({ ok: true, value: 'Réunion' });
    expect(checkText('one\r\ntwo\tthree', paragraphs)).toEqual({ ok: true, value: 'one\ntwo\tthree' });
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a newline', 'a\nb'],
    ['a carriage return', 'a\rb'],
    ['a tab', 'a\tb'],
    ['escape', 'a\u001bb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a line separator', 'a\u2028b'],
  ])('refuses %s in one-line text', (_, value) => {
    expect(problemOf(value, line)).toBe('control');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a vertical tab', 'a\u000bb'],
    ['a C1 control', 'a\u009bb'],
    ['a paragraph separator', 'a\u2029b'],
  ])('refuses %s in multi-line text, where newlines and tabs are fine', (_, value) => {
    expect(problemOf(value, paragraphs)).toBe('control');
    expect(problemOf('a\nb\tc', paragraphs)).toBeUndefined();
  });

  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe'],
    ['a left-to-right embedding', 'a\u202Ab'],
    ['a first-strong isolate', 'a\u2068b'],
    ['a pop directional isolate', 'a\u2069b'],
    ['a zero-width space', 'a\u200Bb'],
    ['a right-to-left mark', 'a\u200Fb'],
    ['a byte order mark', 'a\uFEFFb'],
    ['a word joiner', 'a\u2060b'],
    ['a soft hyphen', 'a\u00ADb'],
    ['hidden tag characters', 'hi\u{E0070}\u{E0061}\u{E0079}'],
  ])('refuses %s', (_, value) => {
    expect(problemOf(value, line)).toBe('invisible');
  });

  it('keeps the joiners scripts and emoji need, and the flags of England, Scotland and Wales', () => {
    expect(problemOf('👩\u200D👧 family', line)).toBeUndefined();
    expect(problemOf('می\u200Cخواهم', line)).toBeUndefined();
    expect(
      problemOf('Wales \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}', line),
    ).toBeUndefined();
  });

  it('refuses half of a surrogate pair', () => {
    expect(problemOf('a\uD800b', line)).toBe('malformed');
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['a no-break space', '\u00A0'],
    ['zero-width joiners', '\u200D\u200C'],
    ['a Hangul filler', '\u3164'],
  ])('refuses text that is %s when text is required, and reads it as empty when not', (_, value) => {
    expect(problemOf(value, line)).toBe('empty');
    expect(checkText(value, { ...line, optional: true })).toEqual({ ok: true, value: '' });
  });

  it('counts characters, not UTF-16 units, against the maximum', () => {
    expect(problemOf('😀'.repeat(20), line)).toBeUndefined();
    expect(problemOf('a'.repeat(21), line)).toBe('too-long');
    expect(textLength('😀😀')).toBe(2);
  });

  it.each([true, 1, null, undefined, ['a'], { a: 1 }])('refuses %p as not text', (value) => {
    expect(problemOf(value, line)).toBe('not-text');
  });

  it('says what to fix, naming the field', () => {
    const message = (value: string, rule: TextRule) => {
      const result = checkText(value, rule);
      return result.ok ? undefined : result.message;
    };
    expect(message('a\u0000', line)).toBe(
      'title must not contain control characters such as NUL or line breaks',
    );
    expect(message('a\u0000', paragraphs)).toBe(
      'description must not contain control characters such as NUL (line breaks and tabs are fine)',
    );
    expect(message(' ', line)).toBe('title must not be empty or only spaces');
    expect(message('a'.repeat(21), line)).toBe('title must be at most 20 characters');
  });
});

describe('stripUnsafeCharacters', () => {
  it('makes old one-line text one line, without controls or overrides', () => {
    expect(stripUnsafeCharacters('Tea\r\nEND:VEVENT\u0000\u202E', false)).toBe('Tea END:VEVENT ');
  });

  it('keeps the line breaks of old paragraphs, and drops the rest', () => {
    expect(stripUnsafeCharacters('one\r\ntwo\u0007\u200B', true)).toBe('one\ntwo');
  });
});
