import { Injectable } from '@nestjs/common';
import { AppConfig } from '@roundtable/platform';
import type { CookieOptions, Response } from 'express';
import { SESSION_COOKIE } from '../../auth/authenticated-request';

export const CSRF_COOKIE = 'rt_csrf';

/**
 * The two cookies the web pages use, both HttpOnly and SameSite=Lax, and Secure whenever the
 * site is served over https. Kept in one place so they cannot drift apart.
 */
@Injectable()
export class PageCookies {
  constructor(private readonly config: AppConfig) {}

  setSession(res: Response, token: string): void {
    res.cookie(SESSION_COOKIE, token, this.options());
  }

  clearSession(res: Response): void {
    const { maxAge: _maxAge, ...options } = this.options();
    res.clearCookie(SESSION_COOKIE, options);
  }

  setCsrf(res: Response, token: string): void {
    res.cookie(CSRF_COOKIE, token, this.options());
  }

  private options(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      secure: new URL(this.config.get('PUBLIC_URL')).protocol === 'https:',
      path: '/',
      // The session lasts as long as the server keeps it; the CSRF cookie as long as a session can.
      maxAge: this.config.get('SESSION_TTL_HOURS') * 3_600_000,
    };
  }
}
