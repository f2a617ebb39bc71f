import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { errorBody } from './error-body';
import { refuseMalformedInput } from './input-shape';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  /** Set by largeJson: the route's own limit, and what to do about it. */
  route?: LargeBodyRoute;
}

interface LargeBodyRoute {
  path: string;
  limit: string;
  advice: string;
}

/** The body limits the settings give: BODY_LIMIT for most routes, and the invitation list's own. */
export interface BodyLimits {
  body: string;
  invitations: string;
}

/**
 * The few routes whose bodies are legitimately bigger than BODY_LIMIT, each with its own limit.
 * A list of 10,000 people to invite is about 1 MB of JSON (INVITATIONS_BODY_LIMIT, default 2mb).
 */
export function largeBodyRoutes(limits: BodyLimits): readonly LargeBodyRoute[] {
  return [
    {
      path: '/api/v1/events/:id/invitations',
      limit: limits.invitations,
      advice: 'send at most 10,000 contacts a request, and the rest in another',
    },
    ...STORY_ROUTES,
  ];
}

const STORY_ROUTES: readonly LargeBodyRoute[] = [
  // A story of 20,000 characters is up to about 240 kB of JSON when every character is escaped.
  {
    path: '/api/v1/public/testimonies',
    limit: '256kb',
    advice: 'a story may be at most 20,000 characters',
  },
  {
    path: '/api/v1/testimonies',
    limit: '256kb',
    advice: 'a story may be at most 20,000 characters',
  },
];

/** A JSON parser for one large-body route; its errors say which limit they hit. */
function largeJson(route: LargeBodyRoute): RequestHandler {
  const parse = express.json({ limit: route.limit });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (error instanceof Error) (error as BodyParserError).route = route;
      next(error);
    });
}

/**
 * JSON for the API and url-encoded forms for the pages, both size-limited, then refused if their
 * shape is hostile (input-shape.ts). Parser failures are
 * answered here in API.md's shape: they happen before Nest's routing and filters see the request.
 */
export function useBodyParsing(app: NestExpressApplication, limits: BodyLimits): void {
  const limit = limits.body;
  // Registered first: a body parsed here is left alone by the general parser below.
  for (const route of largeBodyRoutes(limits)) app.use(route.path, largeJson(route));
  app.use(express.json({ limit }));
  app.use(express.urlencoded({ extended: false, limit, parameterLimit: 200 }));
  // Deep nesting and NUL are refused here, before a DTO's recursive walk or a query meets them.
  app.use(refuseMalformedInput());
  app.use((error: BodyParserError, _req: Request, res: Response, next: NextFunction) => {
    if (error.type === 'entity.parse.failed') {
      res
        .status(400)
        .json(
          errorBody(400, `the request body is not valid JSON (${error.message}); check quotes and commas`),
        );
    } else if (error.type === 'entity.too.large') {
      res
        .status(413)
        .json(
          errorBody(
            413,
            `the request body is larger than the limit of ${error.route?.limit ?? limit}; ${error.route?.advice ?? 'send less data'}`,
          ),
        );
    } else if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      res.status(415).json(errorBody(415, 'the request body must be UTF-8'));
    } else if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json(errorBody(error.status, error.message));
    } else {
      next(error);
    }
  });
}
