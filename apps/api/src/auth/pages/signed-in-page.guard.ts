import { CanActivate, ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { SessionsService, User } from '@roundtable/identity';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../authenticated-request';
import type { PageCookies } from './page-cookies';

/**
 * The door of a set of signed-in pages: the session cookie must belong to a signed-in user the
 * pages admit. Without one the exception filter sends people to sign in and back; a user the pages
 * do not admit gets a 403 page. Each set (staff, partner) says whom it admits and what the layout
 * shows them; the session check is this one.
 */
export abstract class SignedInPageGuard implements CanActivate {
  /** Finishes "sign in to use the … pages". */
  protected abstract readonly pagesFor: string;
  /** The 403 page's words for a signed-in user these pages are not for. */
  protected abstract readonly notForYou: string;

  constructor(
    private readonly sessions: SessionsService,
    private readonly cookies: PageCookies,
  ) {}

  protected abstract admits(user: User): boolean;

  /** What the layout needs to know about the signed-in user (its navigation, admin links). */
  protected abstract layoutFlags(user: User): Record<string, boolean>;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const token = this.cookies.session(req);
    const user = token ? await this.sessions.authenticate(token) : null;
    if (!token || !user) throw new UnauthorizedException(`sign in to use the ${this.pagesFor}`);
    if (!this.admits(user)) throw new ForbiddenException(this.notForYou);
    req.user = user;
    req.sessionToken = token;
    Object.assign(http.getResponse<Response>().locals, this.layoutFlags(user));
    return true;
  }
}
