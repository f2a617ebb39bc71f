import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { noStoreUnlessPublic } from './cache-control';

/** Swagger UI, at /docs: the one place that sets inline styles. */
export function isDocs(req: Pick<Request, 'path'>): boolean {
  return /^\/docs(\/|$)/i.test(req.path);
}

/**
 * Helmet's headers with a strict Content-Security-Policy. The one inline script the GOV.UK page
 * template needs runs under a per-request nonce, which the template reads from res.locals. Inline
 * styles are refused everywhere but /docs (Swagger UI sets some); GOV.UK pages use stylesheets.
 * Then `Cache-Control: no-store` on everything not public (see cache-control.ts).
 */
export function useSecurityHeaders(app: NestExpressApplication): void {
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  const pages = securityHeaders(["'self'"]);
  const docs = securityHeaders(["'self'", "'unsafe-inline'"]);
  app.use((req: Request, res: Response, next: NextFunction) => (isDocs(req) ? docs : pages)(req, res, next));
  app.use(noStoreUnlessPublic);
}

function securityHeaders(styleSrc: string[]) {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc,
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}
