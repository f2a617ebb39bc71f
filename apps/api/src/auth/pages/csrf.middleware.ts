import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { csrfTokenFitsSession, newCsrfToken } from './csrf-token';
import { PageCookies } from './page-cookies';

/**
 * Gives every page with a form a CSRF token: the browser's own if it fits the session it is
 * signed in with (so several open tabs keep working), otherwise a new one; so the token changes
 * at sign-in and sign-out. Templates read it as `csrfToken`. The cookie is set again on each page
 * so it lasts as long as people are using the site.
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(private readonly cookies: PageCookies) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const session = this.cookies.session(req);
    const sent = this.cookies.csrf(req);
    const token = sent && csrfTokenFitsSession(sent, session) ? sent : newCsrfToken(session);
    this.cookies.setCsrf(res, token);
    res.locals.csrfToken = token;
    next();
  }
}
