import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { SessionsService, STAFF_ROLES } from '@roundtable/identity';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../authenticated-request';
import { PageCookies } from './page-cookies';

/**
 * The staff pages' door: the session cookie must belong to a signed-in admin or organiser.
 * Without one the exception filter sends people to sign in and back; other roles get a 403 page.
 */
@Injectable()
export class StaffPageGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookies: PageCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    const token = this.cookies.session(req);
    const user = token ? await this.sessions.authenticate(token) : null;
    if (!token || !user) throw new UnauthorizedException('sign in to use the staff pages');
    if (!STAFF_ROLES.includes(user.role)) {
      throw new ForbiddenException(
        'These pages are for constituency office staff. Your account cannot use them.',
      );
    }
    req.user = user;
    req.sessionToken = token;
    // The layout shows staff navigation (and the sign-out button) when this is set.
    http.getResponse<Response>().locals.staff = true;
    // Admin-only links (the audit log) show for admins.
    http.getResponse<Response>().locals.admin = user.role === 'admin';
    return true;
  }
}
