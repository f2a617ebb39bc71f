import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { SessionsService } from '@roundtable/identity';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../authenticated-request';
import { PageCookies } from './page-cookies';

/**
 * The partner pages' door: the session cookie must belong to a signed-in partner user. Without
 * one the exception filter sends people to sign in and back; staff and others get a 403 page
 * (a partner's pages act for one organisation, which staff are not).
 */
@Injectable()
export class PartnerPageGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookies: PageCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const token = this.cookies.session(req);
    const user = token ? await this.sessions.authenticate(token) : null;
    if (!token || !user) throw new UnauthorizedException('sign in to use the partner pages');
    if (user.role !== 'partner' || !user.partnerId) {
      throw new ForbiddenException(
        'These pages are for partner organisations. Your account cannot use them.',
      );
    }
    req.user = user;
    req.sessionToken = token;
    // The layout shows the partner navigation (and the sign-out button) when this is set.
    http.getResponse<Response>().locals.partner = true;
    return true;
  }
}
