import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PageCookies } from '../../../auth/pages/page-cookies';
import { readSurveyUpload } from '../../../testimony-imports/survey-upload';
import { sentence } from '../../forms/service-errors';

/** The upload page's request: the file, or why it could not be read (shown by the file field). */
export type SurveyUploadPageRequest = Request & { file?: Express.Multer.File; uploadProblem?: string };

/**
 * Reads the upload form before the guards run, so the CSRF guard finds `_csrf` as on every other
 * form; only for a signed-in session (anyone else is sent to sign in, unread).
 */
@Injectable()
export class SurveyUploadPageMiddleware implements NestMiddleware {
  constructor(private readonly cookies: PageCookies) {}

  use(req: SurveyUploadPageRequest, res: Response, next: NextFunction): void {
    if (!this.cookies.session(req)) return next();
    readSurveyUpload(req, res).then(
      () => next(),
      (error: unknown) => {
        req.uploadProblem = sentence(error instanceof Error ? error.message : String(error));
        next();
      },
    );
  }
}
