import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { errorBody } from './error-body';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * JSON for the API and url-encoded forms for the pages, both size-limited. Parser failures are
 * answered here in API.md's shape: they happen before Nest's routing and filters see the request.
 */
export function useBodyParsing(app: NestExpressApplication, limit: string): void {
  app.use(express.json({ limit }));
  app.use(express.urlencoded({ extended: false, limit, parameterLimit: 200 }));
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
        .json(errorBody(413, `the request body is larger than the limit of ${limit}; send less data`));
    } else if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      res.status(415).json(errorBody(415, 'the request body must be UTF-8'));
    } else if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json(errorBody(error.status, error.message));
    } else {
      next(error);
    }
  });
}
