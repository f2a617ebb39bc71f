import { Injectable, NestMiddleware } from '@nestjs/common';
import { IMPORT_LIMITS } from '@roundtable/testimony';
import type { NextFunction, Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { PageCookies } from '../../../auth/pages/page-cookies';

export interface SurveyUploadPageRequest extends Request {
  file?: Express.Multer.File;
  /** Why the upload could not be read, for the form to show by the file field. */
  uploadProblem?: string;
}

/**
 * Reads the upload form (multipart) before the guards run, so the CSRF guard finds `_csrf` as on
 * every other form. Only for a signed-in session: anyone else is sent to sign in unread.
 */
@Injectable()
export class SurveyUploadPageMiddleware implements NestMiddleware {
  constructor(private readonly cookies: PageCookies) {}

  private readonly upload = multer({
    storage: multer.memoryStorage(),
    limits: { files: 1, fileSize: IMPORT_LIMITS.fileBytes, fields: 5, fieldSize: 1000, parts: 10 },
  }).single('file');

  use(req: SurveyUploadPageRequest, res: Response, next: NextFunction): void {
    if (!this.cookies.session(req)) {
      next();
      return;
    }
    this.upload(req, res, (error?: unknown) => {
      if (error) req.uploadProblem = uploadProblem(error);
      next();
    });
  }
}

function uploadProblem(error: unknown): string {
  if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE')
    return 'The file must be smaller than 10 MB. Split the responses into smaller files and upload them one after another';
  if (
    error instanceof MulterError &&
    (error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE')
  )
    return 'Choose one file: the survey export';
  return 'The upload did not arrive whole. Choose the file again and upload it once more';
}
