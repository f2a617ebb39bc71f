import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { User } from '@roundtable/identity';
import type { AuthenticatedRequest } from './authenticated-request';

/** The signed-in user; use only behind @Authenticated (or the page guard). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): User => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
