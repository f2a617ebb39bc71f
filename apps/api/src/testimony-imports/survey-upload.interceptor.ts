import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { readSurveyUpload, SurveyUploadProblem } from './survey-upload';

/**
 * Reads the API's multipart survey upload. An interceptor rather than middleware, so the staff
 * guard has already turned away anyone else before a byte of the file is read.
 */
@Injectable()
export class SurveyUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    try {
      await readSurveyUpload(http.getRequest<Request>(), http.getResponse<Response>());
    } catch (error) {
      if (!(error instanceof SurveyUploadProblem)) throw error;
      throw error.status === 413
        ? new PayloadTooLargeException(error.message)
        : new BadRequestException(error.message);
    }
    return next.handle();
  }
}
