import type { AppConfig } from '@roundtable/platform';
import type { CookieOptions, Request, Response } from 'express';
import { PageCookies, pageCookieName } from './page-cookies';

function cookiesFor(publicUrl: string, nodeEnv = 'development') {
  const settings: Record<string, unknown> = {
    PUBLIC_URL: publicUrl,
    SESSION_TTL_HOURS: 12,
    NODE_ENV: nodeEnv,
  };
  const config = {
    get: (key: string) => settings[key],
    isProduction: nodeEnv === 'production',
  } as unknown as AppConfig;
  const set: Array<{ name: string; value: string; options: CookieOptions }> = [];
  const res = {
    cookie: (name: string, value: string, options: CookieOptions) => set.push({ name, value, options }),
  } as unknown as Response;
  return { cookies: new PageCookies(config), res, set };
}

describe('pageCookieName', () => {
  it('takes the __Host- prefix when Secure, and the plain name over http', () => {
    expect(pageCookieName('rt_session', true)).toBe('__Host-rt_session');
    expect(pageCookieName('rt_csrf', true)).toBe('__Host-rt_csrf');
    expect(pageCookieName('rt_session', false)).toBe('rt_session');
  });
});

describe('PageCookies', () => {
  it('sets the session cookie HttpOnly, SameSite=Lax, for the session lifetime, plain over http in development', () => {
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

  it.each([
    ['the site is served over https', 'https://roundtable.example.org', 'development'],
    ['in production, even when PUBLIC_URL says http', 'http://roundtable.example.org', 'production'],
  ])('marks both cookies Secure, with the __Host- prefix, when %s', (_, url, env) => {
    const { cookies, res, set } = cookiesFor(url, env);
    cookies.setSession(res, 'rts_token');
    cookies.setCsrf(res, 'csrf');
    expect(set.map((cookie) => [cookie.name, cookie.options.secure, cookie.options.path])).toEqual([
      ['__Host-rt_session', true, '/'],
      ['__Host-rt_csrf', true, '/'],
    ]);
    // __Host- cookies must have no Domain.
    expect(set.every((cookie) => cookie.options.domain === undefined)).toBe(true);
  });

  it('reads only the cookie of the name it sets', () => {
    const { cookies } = cookiesFor('https://roundtable.example.org');
    const token = 'rts_abcdefghijklmnopqrstuvwxyz';
    expect(cookies.session({ cookies: { '__Host-rt_session': token } } as unknown as Request)).toBe(token);
    // A plain-named cookie could have been set by a plain-http page or a subdomain: ignored.
    expect(cookies.session({ cookies: { rt_session: token } } as unknown as Request)).toBeUndefined();
  });
});
