import { InvalidEnvironmentError, validateEnv } from './env.schema';
import { DEMO_OFFICE } from './office-settings';

const HEX_SECRET = 'ab'.repeat(32);
const minimal = {
  DATABASE_URL: 'postgres://roundtable@db:5432/roundtable',
  REDIS_URL: 'redis://cache:6379',
  LINK_KEYS: `k1:${HEX_SECRET}`,
};

function refusal(raw: Record<string, unknown>): string {
  try {
    validateEnv(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    return (error as Error).message;
  }
  throw new Error('validateEnv accepted the environment');
}

describe('validateEnv', () => {
  it('accepts the minimum and fills in defaults, with numbers as numbers', () => {
    const env = validateEnv(minimal);
    expect(env).toMatchObject({
      DATABASE_URL: minimal.DATABASE_URL,
      REDIS_URL: minimal.REDIS_URL,
      NODE_ENV: 'development',
      PORT: 3000,
      BODY_LIMIT: '100kb',
      LOGIN_RATE_LIMIT: 10,
      REDIS_PREFIX: 'roundtable',
    });
    expect(env.ADMIN_EMAIL).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });

  it('reads numbers from strings, as the environment gives them', () => {
    expect(validateEnv({ ...minimal, PORT: '8080', LOGIN_RATE_LIMIT: '3' })).toMatchObject({
      PORT: 8080,
      LOGIN_RATE_LIMIT: 3,
    });
  });

  it('names DATABASE_URL when it is missing', () => {
    const { DATABASE_URL: _, ...rest } = minimal;
    expect(refusal(rest)).toMatch(/DATABASE_URL is required/);
  });

  it('names DATABASE_URL when it is not a Postgres URL', () => {
    expect(refusal({ ...minimal, DATABASE_URL: 'mysql://db/roundtable' })).toMatch(
      /DATABASE_URL must start with postgres/,
    );
  });

  it.each(['eighty', '-1', '70000', '80.5'])('names PORT when it is %j', (port) => {
    expect(refusal({ ...minimal, PORT: port })).toMatch(/^Invalid configuration: PORT /);
  });

  it('names every bad variable at once', () => {
    const message = refusal({
      REDIS_URL: 'redis://cache:6379',
      LINK_KEYS: minimal.LINK_KEYS,
      PORT: 'x',
      LOG_LEVEL: 'loud',
    });
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
  });

  it('refuses ADMIN_EMAIL without ADMIN_PASSWORD, and the other way round', () => {
    expect(refusal({ ...minimal, ADMIN_EMAIL: 'admin@example.org' })).toMatch(
      /ADMIN_PASSWORD.*ADMIN_EMAIL and ADMIN_PASSWORD must be set together/,
    );
    expect(refusal({ ...minimal, ADMIN_PASSWORD: 'long-enough-password' })).toMatch(/set together/);
  });

  it('treats empty admin settings as unset', () => {
    const env = validateEnv({ ...minimal, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    expect(env.ADMIN_EMAIL).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });

  it('accepts both admin settings together, and checks each', () => {
    expect(
      validateEnv({ ...minimal, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'long-enough-password' }),
    ).toMatchObject({
      ADMIN_EMAIL: 'admin@example.org',
    });
    expect(refusal({ ...minimal, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'short' })).toMatch(
      /ADMIN_PASSWORD must be at least 12/,
    );
    expect(
      refusal({ ...minimal, ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-password' }),
    ).toMatch(/ADMIN_EMAIL must be an email/);
  });

  it('refuses a malformed BODY_LIMIT and REDIS_PREFIX', () => {
    expect(refusal({ ...minimal, BODY_LIMIT: 'lots' })).toMatch(/BODY_LIMIT must be a size/);
    expect(refusal({ ...minimal, REDIS_PREFIX: 'Has Spaces' })).toMatch(/REDIS_PREFIX/);
  });
  describe('DKIM', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';

    it('is off when none of the three is set', () => {
      const env = validateEnv(minimal);
      expect([env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY]).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('takes a key written on one line with \\n for its line breaks', () => {
      const env = validateEnv({
        ...minimal,
        DKIM_DOMAIN: 'example.org',
        DKIM_SELECTOR: 'mail',
        DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
      });
      expect(env.DKIM_PRIVATE_KEY).toBe(pem);
    });

    it('names what is missing when only some are set, and refuses a key that is not PEM', () => {
      expect(refusal({ ...minimal, DKIM_DOMAIN: 'example.org' })).toMatch(
        /DKIM_PRIVATE_KEY DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY must be set together/,
      );
      expect(
        refusal({
          ...minimal,
          DKIM_DOMAIN: 'example.org',
          DKIM_SELECTOR: 'mail',
          DKIM_PRIVATE_KEY: 'secret',
        }),
      ).toMatch(/DKIM_PRIVATE_KEY must be a PEM private key/);
    });
  });

  describe('LINK_KEYS', () => {
    it('is required, and the refusal names it', () => {
      const { LINK_KEYS: _, ...rest } = minimal;
      expect(refusal(rest)).toMatch(/LINK_KEYS is required/);
    });

    it('reads the current key first and older keys after it, from hex, base64 and base64url', () => {
      const secret = Buffer.alloc(32, 7);
      const env = validateEnv({
        ...minimal,
        LINK_KEYS: `new:${secret.toString('base64url')}, old:${secret.toString('base64')},older:${HEX_SECRET}`,
      });
      expect(env.LINK_KEYS.map((key) => key.id)).toEqual(['new', 'old', 'older']);
      expect(env.LINK_KEYS[0].secret.equals(secret)).toBe(true);
      expect(env.LINK_KEYS[1].secret.equals(secret)).toBe(true);
      expect(env.LINK_KEYS[2].secret.equals(Buffer.from(HEX_SECRET, 'hex'))).toBe(true);
    });

    it.each([
      [
        'a short secret',
        `k1:${'ab'.repeat(31)}`,
        /LINK_KEYS entry 1 \("k1"\) needs a secret of at least 32 bytes/,
      ],
      ['no key id', HEX_SECRET, /LINK_KEYS entry 1 must start with a key id/],
      ['a repeated key id', `k1:${HEX_SECRET},k1:${HEX_SECRET}`, /LINK_KEYS entry 2 repeats the key id "k1"/],
      ['no entries', ' , ', /LINK_KEYS needs at least one/],
      ['a secret that is neither hex nor base64', `k1:${'!'.repeat(64)}`, /LINK_KEYS entry 1/],
    ])('refuses %s, without repeating the secret', (_label, value, message) => {
      const refused = refusal({ ...minimal, LINK_KEYS: value });
      expect(refused).toMatch(message);
      expect(refused).not.toContain('abab');
    });
  });

  describe('TESTIMONY_RETENTION_MONTHS', () => {
    it('keeps testimony 24 months unless told otherwise', () => {
      expect(validateEnv(minimal).TESTIMONY_RETENTION_MONTHS).toBe(24);
      expect(validateEnv({ ...minimal, TESTIMONY_RETENTION_MONTHS: '36' }).TESTIMONY_RETENTION_MONTHS).toBe(
        36,
      );
    });

    it.each(['0', '-3', '1.5', 'two years'])('names it when it is %j', (value) => {
      expect(refusal({ ...minimal, TESTIMONY_RETENTION_MONTHS: value })).toMatch(
        /TESTIMONY_RETENTION_MONTHS must be (a whole number of months|at least 1 month)/,
      );
    });
  });

  describe('REGISTRATION_RETENTION_DAYS', () => {
    it("erases registrations' personal data 90 days after the event unless told otherwise", () => {
      expect(validateEnv(minimal).REGISTRATION_RETENTION_DAYS).toBe(90);
      expect(validateEnv({ ...minimal, REGISTRATION_RETENTION_DAYS: '30' }).REGISTRATION_RETENTION_DAYS).toBe(
        30,
      );
    });

    it.each(['0', '-3', '1.5', 'a month'])('names it when it is %j', (value) => {
      expect(refusal({ ...minimal, REGISTRATION_RETENTION_DAYS: value })).toMatch(
        /REGISTRATION_RETENTION_DAYS must be (a whole number of days|at least 1 day)/,
      );
    });
  });

  describe('TESTIMONY_KEYS', () => {
    const key = Buffer.alloc(32, 9);

    it.each([
      ['unset', undefined],
      ['empty', ''],
    ])('is optional for now (nothing collects testimony yet): %s is no keys', (_label, value) => {
      expect(validateEnv({ ...minimal, TESTIMONY_KEYS: value }).TESTIMONY_KEYS).toBeUndefined();
    });

    it('reads the current key first and older keys after it, from base64 (openssl rand -base64 32) and hex', () => {
      const env = validateEnv({
        ...minimal,
        TESTIMONY_KEYS: `t2:${key.toString('base64')},t1:${key.toString('hex')}`,
      });
      expect(env.TESTIMONY_KEYS?.map((entry) => entry.id)).toEqual(['t2', 't1']);
      expect(env.TESTIMONY_KEYS?.every((entry) => entry.secret.equals(key))).toBe(true);
    });

    it.each([
      [
        'a 31-byte secret',
        `t1:${Buffer.alloc(31, 9).toString('base64')}`,
        /TESTIMONY_KEYS entry 1 \("t1"\) needs a secret of exactly 32 bytes/,
      ],
      [
        'a 64-byte secret, which AES-256 would not use whole',
        `t1:${Buffer.alloc(64, 9).toString('base64')}`,
        /TESTIMONY_KEYS entry 1 \("t1"\) needs a secret of exactly 32 bytes/,
      ],
      ['no key id', key.toString('base64'), /TESTIMONY_KEYS entry 1 must start with a key id/],
      [
        'a repeated key id',
        `t1:${key.toString('base64')},t1:${key.toString('base64')}`,
        /TESTIMONY_KEYS entry 2 repeats the key id "t1"/,
      ],
      ['no entries', ' , ', /TESTIMONY_KEYS needs at least one/],
    ])('refuses %s, without repeating the secret', (_label, value, message) => {
      const refused = refusal({ ...minimal, TESTIMONY_KEYS: value });
      expect(refused).toMatch(message);
      expect(refused).not.toContain('CQkJ');
      expect(refused).not.toContain('0909');
    });
  });
});

describe('the office settings', () => {
  const office = {
    OFFICE_NAME: 'Halesowen Constituency Office',
    OFFICE_ADDRESS: '1 Example Street, Halesowen B63 0ZZ',
    OFFICE_PHONE: '0121 496 0000',
    OFFICE_EMAIL: 'office@example.org',
  };
  const production = { ...minimal, NODE_ENV: 'production' };

  it('names every missing office setting in production, and lets hours be left out', () => {
    const message = refusal(production);
    for (const key of Object.keys(office)) {
      expect(message).toContain(`${key} is required in production`);
    }
    expect(message).not.toContain('OFFICE_HOURS');
    const env = validateEnv({ ...production, ...office });
    expect(env).toMatchObject(office);
    expect(env.OFFICE_HOURS).toBeUndefined();
  });

  it('counts an empty or blank setting as missing in production', () => {
    expect(refusal({ ...production, ...office, OFFICE_NAME: '   ' })).toContain(
      'OFFICE_NAME is required in production',
    );
  });

  it('falls back to the demo office elsewhere, setting by setting', () => {
    expect(validateEnv(minimal)).toMatchObject(DEMO_OFFICE);
    expect(validateEnv({ ...minimal, OFFICE_NAME: 'Test Office' })).toMatchObject({
      OFFICE_NAME: 'Test Office',
      OFFICE_PHONE: DEMO_OFFICE.OFFICE_PHONE,
    });
  });

  it.each([
    [
      'a CRLF in the name',
      { OFFICE_NAME: 'Office\r\nBcc: everyone@example.org' },
      /OFFICE_NAME must be one line/,
    ],
    [
      'a line break in the address',
      { OFFICE_ADDRESS: '1 Example Street\nHalesowen' },
      /OFFICE_ADDRESS must be one line/,
    ],
    [
      'a Unicode line separator in the hours',
      { OFFICE_HOURS: 'Mon\u2028Fri' },
      /OFFICE_HOURS must be one line/,
    ],
    [
      'a right-to-left override in the name',
      { OFFICE_NAME: 'Office \u202Eevil' },
      /OFFICE_NAME must be one line/,
    ],
    [
      'a CRLF in MAIL_FROM',
      { MAIL_FROM: 'a@example.org\r\nBcc: b@example.org' },
      /MAIL_FROM must be one line/,
    ],
    ['letters for a phone number', { OFFICE_PHONE: 'call us' }, /OFFICE_PHONE must be a phone number/],
    ['too few digits', { OFFICE_PHONE: '0121' }, /OFFICE_PHONE must be a phone number/],
    [
      'an email that is not one',
      { OFFICE_EMAIL: 'office at example' },
      /OFFICE_EMAIL must be an email address/,
    ],
    ['a very long name', { OFFICE_NAME: 'x'.repeat(101) }, /OFFICE_NAME must be at most 100 characters/],
  ])('refuses %s, naming the setting', (_label, bad, message) => {
    expect(refusal({ ...minimal, ...office, ...bad })).toMatch(message);
  });

  it('trims a stray newline at the end (as from a file), which never reaches a header', () => {
    expect(validateEnv({ ...minimal, ...office, OFFICE_NAME: 'Halesowen Office\n' }).OFFICE_NAME).toBe(
      'Halesowen Office',
    );
  });

  it('takes international and bracketed phone numbers', () => {
    for (const phone of ['+44 121 496 0000', '(0121) 496-0000']) {
      expect(validateEnv({ ...minimal, OFFICE_PHONE: phone }).OFFICE_PHONE).toBe(phone);
    }
  });
});
