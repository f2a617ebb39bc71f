import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CSRF_FIELD, csrfTokensMatch } from './csrf-token';
import { PageCookies } from './page-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a form post whose hidden `_csrf` field does not repeat the browser's CSRF cookie, or
 * whose token was made for another session (or before sign-in), so another site cannot post
 * forms in a signed-in member of staff's name. Reads change nothing, so they pass.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly cookies: PageCookies) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(req.method)) return true;
    const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (csrfTokensMatch(this.cookies.csrf(req), field, this.cookies.session(req))) return true;
    throw new ForbiddenException(
      'This form had expired, so nothing was saved. Go back, reload the page, and try again.',
    );
  }
}
