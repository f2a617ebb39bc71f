import { IMPORT_LIMITS } from '@roundtable/testimony';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';

/** A survey upload that could not be read: the status to answer with, and what to do about it. */
export class SurveyUploadProblem extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { files: 1, fileSize: IMPORT_LIMITS.fileBytes, fields: 5, fieldSize: 1000, parts: 10 },
}).single('file');

/**
 * Reads a multipart survey upload (one file, in `file`, at most 10 MB, a few short fields) into
 * memory: `req.file` and `req.body`. For the API (after its guard) and the upload page (before
 * its CSRF guard) alike; a body that is not multipart is left as it is.
 */
export function readSurveyUpload(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) =>
    upload(req, res, (error?: unknown) => (error ? reject(problemOf(error)) : resolve())),
  );
}

function problemOf(error: unknown): SurveyUploadProblem {
  if (!(error instanceof MulterError))
    return new SurveyUploadProblem(
      400,
      'the upload did not arrive whole (the multipart body is malformed or cut short): send the file again',
    );
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new SurveyUploadProblem(
        413,
        `the file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB: split the responses into smaller files`,
      );
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return new SurveyUploadProblem(400, 'send one file, in the form field called file: the survey export');
    default:
      return new SurveyUploadProblem(
        400,
        'the form has more or longer fields than an upload needs: send the file and nothing else',
      );
  }
}
