import type { Request } from 'express';

/** The request's id (from the logger), passed on to the jobs a form post causes. */
export function requestId(req: Request): string | undefined {
  const id = (req as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
