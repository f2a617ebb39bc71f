import type { NextFunction, Request, Response } from 'express';

/**
 * What a browser or a proxy may keep: published events (pages, the public API and calendar
 * files) and static assets. Nothing here carries a token, a cookie or anyone's details.
 * Matched without regard to case, as Express routes are.
 */
const CACHEABLE: readonly RegExp[] = [
  /^\/events\/?$/i,
  /^\/events\/[^/]+\/?$/i,
  /^\/api\/v1\/public\/events(\/[^/]+)?\/?$/i,
  /^\/api\/v1\/events\/[^/]+\/calendar\.ics$/i,
  /^\/(assets|govuk|public)\//i,
];

export function mayBeCached(req: Pick<Request, 'method' | 'path'>): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && CACHEABLE.some((route) => route.test(req.path));
}

/**
 * `Cache-Control: no-store` on every reply except the few listed above: sign-in and sessions,
 * registrations and manage links, every staff route and page, errors. A reply that carries a
 * token or someone's details must not stay in a shared computer's cache or a proxy, and a route
 * added later is private until it is listed here, rather than public until someone remembers.
 */
export function noStoreUnlessPublic(req: Request, res: Response, next: NextFunction): void {
  if (!mayBeCached(req)) res.setHeader('Cache-Control', 'no-store');
  next();
}
