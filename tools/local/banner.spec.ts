import { formatBanner, withoutPassword } from './banner';

const base = {
  publicUrl: 'http://localhost:3001',
  admin: { email: 'admin@roundtable.local', password: 'generated-pass', fromEnvironment: false },
  adminFile: '.data/local-admin.json',
  mailWebUrl: 'http://127.0.0.1:1080',
  postgres: 'embedded Postgres on 127.0.0.1:54329',
  redis: 'redis-server on 127.0.0.1:6380',
  mail: 'MailDev catching all mail (SMTP 127.0.0.1:1025)',
};

describe('formatBanner', () => {
  it('lists every page under the public URL, the sign-in and the services', () => {
    const banner = formatBanner(base);
    for (const url of ['/events', '/sign-in', '/docs', '/health'])
      expect(banner).toContain(`http://localhost:3001${url}`);
    expect(banner).toContain('admin@roundtable.local');
    expect(banner).toContain('generated-pass');
    expect(banner).toContain('http://127.0.0.1:1080');
    expect(banner).toContain('embedded Postgres on 127.0.0.1:54329');
  });

  it('does not print a password the person chose themselves', () => {
    const banner = formatBanner({
      ...base,
      admin: { ...base.admin, password: 'chosen', fromEnvironment: true },
    });
    expect(banner).not.toContain('chosen');
    expect(banner).toContain('ADMIN_PASSWORD');
  });

  it('says when no mail catcher runs', () => {
    expect(formatBanner({ ...base, mailWebUrl: undefined })).toContain('SMTP_URL is set');
  });
});

describe('withoutPassword (a connection URL fit to print)', () => {
  it('hides the password and keeps the rest', () => {
    expect(withoutPassword('postgres://rt:s3cret@db:5432/roundtable')).toBe(
      'postgres://rt:***@db:5432/roundtable',
    );
    expect(withoutPassword('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
