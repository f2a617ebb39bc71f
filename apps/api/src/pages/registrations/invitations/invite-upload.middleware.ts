import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { PageCookies } from '../../../auth/pages/page-cookies';

/** A CSV of 10,000 people is well under 1 MB; pasted text gets the same room. */
export const INVITE_UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

export interface InviteUploadRequest extends Request {
  file?: Express.Multer.File;
  /** Why the upload could not be read, for the form to show by the file field. */
  uploadProblem?: string;
}

/**
 * Reads the invite form (multipart: the pasted list and the CSV file) into memory before the
 * guards run, so the CSRF guard finds the form's `_csrf` field as it does on every other form.
 * An upload that breaks a limit becomes a message for the form, not an error page.
 */
@Injectable()
export class InviteUploadMiddleware implements NestMiddleware {
  constructor(private readonly cookies: PageCookies) {}

  private readonly upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      files: 1,
      fileSize: INVITE_UPLOAD_LIMIT_BYTES,
      fields: 5,
      fieldSize: INVITE_UPLOAD_LIMIT_BYTES,
    },
  }).single('file');

  use(req: InviteUploadRequest, res: Response, next: NextFunction): void {
    // Nobody signed in: the staff guard will send them to sign in; no reason to hold 2 MB for it.
    if (!this.cookies.session(req)) {
      next();
      return;
    }
    this.upload(req, res, (error?: unknown) => {
      // Whatever is wrong with an upload (a limit broken, a body cut short or malformed) is the
      // sender's to fix: a message by the file field, never an error page.
      if (error) req.uploadProblem = uploadProblem(error);
      next();
    });
  }
}

function uploadProblem(error: unknown): string {
  if (!(error instanceof MulterError)) {
    return 'The upload did not arrive whole. Choose the file again and send the form once more';
  }
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
    case 'LIMIT_FIELD_VALUE':
      return 'The list must be smaller than 2 MB. Split it into smaller files and send them one after another';
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return 'Choose one CSV file';
    default:
      return 'The form could not be read. Reload the page and send it again';
  }
}
