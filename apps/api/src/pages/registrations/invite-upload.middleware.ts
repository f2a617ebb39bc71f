import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer, { MulterError } from 'multer';

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
    this.upload(req, res, (error?: unknown) => {
      if (error instanceof MulterError) {
        req.uploadProblem =
          error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE'
            ? 'The list must be smaller than 2 MB. Split it into smaller files and send them one after another'
            : 'Choose one CSV file';
        next();
        return;
      }
      next(error);
    });
  }
}
