import fc from 'fast-check';

/**
 * The values the hostile-input suite throws at every field, query string and path: what an
 * attacker, a broken client or a careless paste sends. Each list names what it is for, so a
 * failure's input can be read at a glance.
 */

/**
 * Markup that must never come back unescaped in a page or an email. Each is distinctive (the
 * `rt-xss` marker), so finding one verbatim in HTML means it was written there raw.
 */
export const MARKUP_PAYLOADS = [
  '<script>alert("rt-xss")</script>',
  `"><img src=x onerror=alert('rt-xss')>`,
  `'><svg onload=alert('rt-xss')>`,
  '<a href="javascript:alert(`rt-xss`)">rt-xss</a>',
] as const;

/** Attempts to add a header (or a recipient) to an email through a name or an address. */
export const HEADER_INJECTIONS = [
  'Sam Jones\r\nBcc: injected@evil.example',
  'Sam Jones\nX-Rt-Injected: yes',
  'Sam Jones\rSubject: Pay your deposit at evil.example',
  'sam@example.org\r\nBcc: injected@evil.example',
  'Sam Jones\r\n\r\n<p>Pay your deposit at evil.example</p>',
] as const;

/** What a header line must never carry, however it was folded. */
export const INJECTED_HEADER_NAMES = ['bcc', 'x-rt-injected'] as const;
export const INJECTED_ADDRESS_DOMAIN = 'evil.example';

/** A line break in a calendar value that would start a VEVENT of its own if written unescaped. */
export const CALENDAR_INJECTIONS = [
  'Listening event\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:rt-injected\r\nDTSTART:20260401T100000Z\r\nSUMMARY:Pay your deposit at evil.example',
  'Listening event\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Pay your deposit',
  'Listening event;X-INJECTED=1:value,with\\commas',
] as const;

export const HUNDRED_KB = 'x'.repeat(100_000);

/** Strings that have broken text handling somewhere: bytes Postgres refuses, invisible text, floods. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'Sam\u0000Jones',
  '\u0001\u0007\u0008\u001b[31mred\u001b[0m',
  'tab\there\u000bvertical\u000cfeed',
  '\u007f',
  '\u0085\u009b\u0090',
  '\u202eevil.exe\u202c',
  '\u2066isolate\u2069 \u200fright-to-left mark',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\u00a0\u3000 \t',
  '   ',
  '',
  '\n',
  'e\u0301 (decomposed) and \u00e9 (composed)',
  '👩‍👧‍👦 family 🏳️‍🌈 \u{1F600}',
  '\ud800',
  'lone \udc00 low surrogate',
  'ﷺ 𒐫 ꧅ Z̷̢̛̮̙̈́a̵̧̛̱̦ĺ̶̦g̸̖̈o̴͎͌',
  HUNDRED_KB,
  '€'.repeat(40_000),
  'a'.repeat(5_000),
  'null',
  'undefined',
  '__proto__',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  "'; DROP TABLE registrations; --",
  '%00%0d%0a',
  '../../../../etc/passwd',
  ...MARKUP_PAYLOADS,
  ...HEADER_INJECTIONS,
  ...CALENDAR_INJECTIONS,
];

/** Any string, including every plane of Unicode and lone surrogates. */
const anyString = fc.string({ unit: 'binary', maxLength: 40 });

/** Ordinary words around a hostile core, as a hostile value usually arrives inside real text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: anyString },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('Sam ', 'Halesowen ', ''), fc.constantFrom(...HOSTILE_STRINGS), anyString)
      .map(([before, core, after]) => `${before}${core}${after}`),
  },
);

/**
 * A number written into the JSON text as it stands (1e400 parses as Infinity; 2^63-1 loses its
 * precision), which JSON.stringify cannot produce. See serialiseJson.
 */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `${RAW_OPEN}${this.text}${RAW_CLOSE}`;
  }
}
const RAW_OPEN = '\u0000rt-raw\u0001';
const RAW_CLOSE = '\u0001rt-raw\u0000';

/** JSON text for a body, with every RawJson written in verbatim. */
export function serialiseJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /"\\u0000rt-raw\\u0001(.*?)\\u0001rt-raw\\u0000"/g,
    (_, text: string) => JSON.parse(`"${text}"`),
  );
}

/** JSON nested `depth` levels deep: arrays, objects, or both in turn. */
export function deepJson(depth: number, shape: 'array' | 'object' | 'mixed'): string {
  if (shape === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (shape === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return '[{"a":'.repeat(depth / 2) + '1' + '}]'.repeat(depth / 2);
}

export const deepValue: fc.Arbitrary<RawJson> = fc
  .constantFrom<Array<'array' | 'object' | 'mixed'>>('array', 'object', 'mixed')
  .map((shape) => new RawJson(deepJson(5_000, shape)));

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    -1,
    -0,
    0.5,
    1.5,
    -2_147_483_649,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    '1',
    ' 60 ',
    '1e3',
    '0x10',
    'NaN',
    'Infinity',
    '-Infinity',
    '9223372036854775807',
    '',
    true,
    false,
  ),
  fc.constantFrom(
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('9223372036854775807'),
    new RawJson('-9223372036854775809'),
    new RawJson('1.00000000000000000000001'),
    new RawJson('1E2'),
    new RawJson('-0.0'),
  ),
  fc.integer(),
  fc.double(),
);

export const hostileDate: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  '10000-01-01T10:00:00Z',
  '+010000-01-01T10:00:00Z',
  '0000-01-01T10:00:00Z',
  '-000001-01-01T10:00:00Z',
  '9999-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  '1900-01-01T00:00:00+00:00',
  '2026-02-30T10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-04-01T24:00:00Z',
  '2026-04-01T10:00:60Z',
  '2026-04-01T10:00:00+99:00',
  '2026-04-01T10:00:00',
  '2026-04-01',
  '2026-04-01T10:00:00.123456789Z',
  'now',
  'Wed, 01 Apr 2026 10:00:00 GMT',
  1_775_037_600_000,
  '',
);

/** A value of the wrong JSON type for whatever field it lands in. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 1.5, [], {}, [null], [[]], { '': '' }),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 3 }),
);

/** Names a client should never send: prototype pollution, spoofed roles, plain typos. */
export const unknownFieldName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'id', 'status', 'titel', ''),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);

/** Whole request bodies that are not the object a route expects, as raw JSON text. */
export const HOSTILE_WHOLE_BODIES: readonly string[] = [
  deepJson(5_000, 'array'),
  deepJson(5_000, 'object'),
  deepJson(5_000, 'mixed'),
  'null',
  '[]',
  '[{}]',
  '"text"',
  '42',
  'true',
  '{}',
  '{"__proto__":{"isAdmin":true,"status":"confirmed"}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '\ufeff{}',
  '{"a":1,"a":{"b":2}}',
  '{',
  '',
];

/** A query-string value: text percent-encoded as sent, or raw (malformed escapes on purpose). */
export interface QueryValue {
  value: string;
  raw?: boolean;
}

export const hostileQueryValue: fc.Arbitrary<QueryValue> = fc.oneof(
  fc
    .constantFrom(
      '9223372036854775807',
      '9223372036854775808',
      '-1',
      '-9223372036854775808',
      '1.5',
      '1e309',
      'NaN',
      'Infinity',
      '0x10',
      ' 1',
      '',
      '10000-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
    )
    .map((value) => ({ value })),
  hostileString.filter((value) => value.length < 2_000).map((value) => ({ value })),
  fc
    .constantFrom('%', '%ZZ', '%00', '%C0%80', '%FF%FE', '%E0%A4%A', '%0d%0aSet-Cookie:%20x=1')
    .map((value) => ({
      value,
      raw: true,
    })),
);

/** Percent-encodes a string's UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them). */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A path segment that names nothing real: ids of the wrong shape, encodings that break decoders. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'not-an-id',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    '1',
    '-1',
    '9223372036854775807',
    '%00',
    '%ZZ',
    '%C0%AE%C0%AE',
    '..',
    '%2e%2e%2f%2e%2e',
    'x'.repeat(5_000),
    'rtm_' + 'A'.repeat(43),
    '%E2%80%AE',
    '%0D%0ABcc:%20x',
  ),
  fc.uuid({ version: 4 }),
  hostileString.filter((value) => value.length < 2_000 && value.length > 0).map(percentEncode),
);
