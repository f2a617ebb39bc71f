import type { User } from '@roundtable/identity';
import type { Request } from 'express';

export interface AuthenticatedRequest extends Request {
  user?: User;
  sessionToken?: string;
}

export const SESSION_COOKIE = 'rt_session';

/** The bearer token of an API request, if it sent one. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header) : null;
  return match?.[1];
}

/** The session token the web pages keep in an HttpOnly cookie. */
export function cookieToken(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{10,200}$/.test(value) ? value : undefined;
}
