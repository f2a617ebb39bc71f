import type { AppConfig } from '@roundtable/platform';
import type { CookieOptions, Response } from 'express';
import { PageCookies } from './page-cookies';

function cookiesFor(publicUrl: string) {
  const settings: Record<string, unknown> = { PUBLIC_URL: publicUrl, SESSION_TTL_HOURS: 12 };
  const config = { get: (key: string) => settings[key] } as unknown as AppConfig;
  const set: Array<{ name: string; value: string; options: CookieOptions }> = [];
  const res = {
    cookie: (name: string, value: string, options: CookieOptions) => set.push({ name, value, options }),
  } as unknown as Response;
  return { cookies: new PageCookies(config), res, set };
}

describe('PageCookies', () => {
  it('sets the session cookie HttpOnly, SameSite=Lax, for the session lifetime', () => {
    const { cookies, res, set } = cookiesFor('http://localhost:3000');
    cookies.setSession(res, 'rts_token');
    expect(set).toEqual([
      {
        name: 'rt_session',
        value: 'rts_token',
        options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 12 * 3_600_000 },
      },
    ]);
  });

  it('marks both cookies Secure when the site is served over https', () => {
    const { cookies, res, set } = cookiesFor('https://roundtable.example.org');
    cookies.setSession(res, 'rts_token');
    cookies.setCsrf(res, 'csrf');
    expect(set.map((cookie) => [cookie.name, cookie.options.secure])).toEqual([
      ['rt_session', true],
      ['rt_csrf', true],
    ]);
  });
});
