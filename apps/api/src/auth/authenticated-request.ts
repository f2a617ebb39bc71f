import type { User } from '@roundtable/identity';
import type { Request } from 'express';

export interface AuthenticatedRequest extends Request {
  user?: User;
  sessionToken?: string;
}

/** The bearer token of an API request, if it sent one. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header) : null;
  return match?.[1];
}
