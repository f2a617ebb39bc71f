import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { SessionsService } from '@roundtable/identity';
import { AuthenticatedRequest, bearerToken } from './authenticated-request';

/**
 * API routes take only `Authorization: Bearer`. Cookies are for the web pages, which add their
 * own CSRF check; keeping cookies away from the API means a forged cross-site request can't
 * use the API in a signed-in browser's name.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req);
    if (!token)
      throw new UnauthorizedException(
        'sign in first: send Authorization: Bearer <token> from POST /api/v1/auth/login',
      );
    const user = await this.sessions.authenticate(token);
    if (!user) throw new UnauthorizedException('your token is unknown or has expired: sign in again');
    req.user = user;
    req.sessionToken = token;
    return true;
  }
}
