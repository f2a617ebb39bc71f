import { Injectable } from '@nestjs/common';
import { AppConfig } from '@roundtable/platform';
import type { CookieOptions, Request, Response } from 'express';

export type PageCookie = 'rt_session' | 'rt_csrf';

const COOKIE_VALUE = /^[A-Za-z0-9_-]{10,200}$/;

/**
 * The one place a page cookie's name is chosen. Secure cookies take the `__Host-` prefix, which
 * browsers honour only for a cookie that is Secure, has Path=/ and no Domain: no other site,
 * subdomain or plain-http page can then set or overwrite it (so no one can plant a CSRF token or
 * a session of theirs). Plain http (development) cannot use the prefix, so keeps the plain name.
 */
export function pageCookieName(cookie: PageCookie, secure: boolean): string {
  return secure ? `__Host-${cookie}` : cookie;
}

/**
 * The two cookies the web pages use, both HttpOnly and SameSite=Lax. Secure in production
 * whatever PUBLIC_URL says (a proxy may speak http to us while people use https; over plain http
 * a browser would drop the cookie, which fails safe), and wherever the site is served over https.
 * Kept in one place so the names and options cannot drift apart between setting and reading.
 */
@Injectable()
export class PageCookies {
  private readonly secure: boolean;

  constructor(private readonly config: AppConfig) {
    this.secure = config.isProduction || new URL(config.get('PUBLIC_URL')).protocol === 'https:';
  }

  name(cookie: PageCookie): string {
    return pageCookieName(cookie, this.secure);
  }

  /** The session token the browser sent, if it sent a well-formed one. */
  session(req: Request): string | undefined {
    return this.read(req, 'rt_session');
  }

  /** The CSRF token the browser sent, if any (csrf-token.ts decides whether it is good). */
  csrf(req: Request): string | undefined {
    return this.read(req, 'rt_csrf');
  }

  setSession(res: Response, token: string): void {
    res.cookie(this.name('rt_session'), token, this.options());
  }

  clearSession(res: Response): void {
    const { maxAge: _maxAge, ...options } = this.options();
    res.clearCookie(this.name('rt_session'), options);
  }

  setCsrf(res: Response, token: string): void {
    res.cookie(this.name('rt_csrf'), token, this.options());
  }

  private read(req: Request, cookie: PageCookie): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[this.name(cookie)];
    return typeof value === 'string' && COOKIE_VALUE.test(value) ? value : undefined;
  }

  private options(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      // The session lasts as long as the server keeps it; the CSRF cookie as long as a session can.
      maxAge: this.config.get('SESSION_TTL_HOURS') * 3_600_000,
    };
  }
}
