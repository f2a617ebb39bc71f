import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The manage pages carry a private link's secret in their address and show personal data, so:
 * search engines must not index them, the address must not leak to other sites as a Referer
 * (helmet already sends no-referrer everywhere; this keeps it so for these pages whatever
 * changes there), and no shared computer or proxy may keep a copy. The layout adds a robots
 * meta tag when `noindex` is set.
 */
@Injectable()
export class ManagePageHeaders implements NestMiddleware {
  use(_req: Request, res: Response, next: NextFunction): void {
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    res.locals.noindex = true;
    next();
  }
}
