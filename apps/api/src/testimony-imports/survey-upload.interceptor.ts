import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { IMPORT_LIMITS } from '@roundtable/testimony';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';

/**
 * Reads the multipart upload of a survey export (one file, in `file`, at most 10 MB, and a
 * campaignId) into memory. An interceptor rather than middleware, so the staff guard has already
 * turned away anyone else before a byte of the file is read.
 */
@Injectable()
export class SurveyUploadInterceptor implements NestInterceptor {
  private readonly upload = multer({
    storage: multer.memoryStorage(),
    limits: { files: 1, fileSize: IMPORT_LIMITS.fileBytes, fields: 5, fieldSize: 1000, parts: 10 },
  }).single('file');

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await new Promise<void>((resolve, reject) =>
      this.upload(http.getRequest<Request>(), http.getResponse<Response>(), (error?: unknown) =>
        error ? reject(uploadRefusal(error)) : resolve(),
      ),
    );
    return next.handle();
  }
}

function uploadRefusal(error: unknown): Error {
  if (!(error instanceof MulterError))
    return new BadRequestException(
      'the upload did not arrive whole (the multipart body is malformed or cut short): send the file again',
    );
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new PayloadTooLargeException(
        `the file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB: split the responses into smaller files`,
      );
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_UNEXPECTED_FILE':
      return new BadRequestException('send one file, in the form field called file');
    default:
      return new BadRequestException(
        'the form has more or longer fields than an upload needs: send the file (in file) and, if you like, a campaignId',
      );
  }
}
