import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import {
  BRIEFLY_UNAVAILABLE_MESSAGE,
  DomainError,
  isDatabaseUnavailable,
  RetryLaterException,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from '@roundtable/platform';
import type { Request, Response } from 'express';
import { STATUS_OF_KIND } from './domain-error-status';
import { errorBody } from './error-body';

export interface Described {
  status: number;
  message: string | string[];
  details?: unknown;
  retryAfterSeconds?: number;
}

/** Retry-After for a 429 or 503 that did not say (a throttler's own, /health's). */
const DEFAULT_RETRY_AFTER_SECONDS: Partial<Record<number, number>> = {
  [HttpStatus.TOO_MANY_REQUESTS]: 60,
  [HttpStatus.SERVICE_UNAVAILABLE]: UNAVAILABLE_RETRY_AFTER_SECONDS,
};

/** The error's code (SQLSTATE, errno) or class, for a log line without request data. */
function errorCode(exception: unknown): string {
  // Not `instanceof Error`: socket errors may come from another realm (see isDatabaseUnavailable).
  if (typeof exception !== 'object' || exception === null) return 'unknown';
  const cause = (exception as { driverError?: unknown }).driverError ?? exception;
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' ? code : exception.constructor.name;
}

/** Routes answered in JSON; everything else is a web page. */
export function isApiRequest(req: Request): boolean {
  // A partner's calendar feed is read by calendar programs, not people: it is answered like the API.
  return (
    req.path.startsWith('/api/') ||
    req.path === '/health' ||
    req.path.startsWith('/docs') ||
    req.path.startsWith('/partner-feeds/')
  );
}

/**
 * The one way errors leave the app. API requests get API.md's shape; pages get a page, and a
 * signed-out visitor to a staff page is sent to sign in. Unexpected errors are logged (without
 * request data) and answered with a plain 500 that reveals nothing.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const { status, message, details, retryAfterSeconds } = this.describe(exception);
    if (status === HttpStatus.SERVICE_UNAVAILABLE) {
      // Expected while a dependency is away, and one line per request is plenty.
      this.logger.warn(
        `503 for ${req.method} ${req.route?.path ?? 'an unrouted path'}: ${errorCode(exception)}`,
      );
    } else if (status >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    if (res.headersSent) return;
    // Every 429 and 503 says when to come back, in seconds (RFC 9110 Retry-After).
    const retryAfter = retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS[status];
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));

    if (isApiRequest(req)) {
      res
        .status(status)
        .json(
          details === undefined ? errorBody(status, message) : { ...errorBody(status, message), details },
        );
      return;
    }
    if (status === HttpStatus.UNAUTHORIZED) {
      // Only a page can be come back to: after a form post, start again from the list.
      const next = req.method === 'GET' ? req.originalUrl : '/staff/events';
      res.redirect(303, `/sign-in?next=${encodeURIComponent(next)}`);
      return;
    }
    res
      .status(status)
      .render('pages/error.njk', { statusCode: status, message: status >= 500 ? null : message });
  }

  /** The status and message an error is answered with, for subclasses that render some differently. */
  protected describe(exception: unknown): Described {
    // A library's refusal: its kind says the status, and its message already says what to fix.
    if (exception instanceof DomainError) {
      return { status: STATUS_OF_KIND[exception.kind], message: exception.apiMessage };
    }
    if (exception instanceof RetryLaterException) {
      return {
        status: exception.getStatus(),
        message: exception.message,
        retryAfterSeconds: exception.retryAfterSeconds,
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        status: HttpStatus.TOO_MANY_REQUESTS,
        message: 'too many requests: wait a minute, then try again',
      };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      if (typeof response === 'string') return { status: exception.getStatus(), message: response };
      // Terminus's 503 carries which dependency is down in `details`; keep it.
      const { message, details } = response as { message?: string | string[]; details?: unknown };
      return { status: exception.getStatus(), message: message ?? exception.message, details };
    }
    // Postgres refused, dropped or did not answer: not a defect, and over in a few seconds.
    if (isDatabaseUnavailable(exception)) {
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        message: BRIEFLY_UNAVAILABLE_MESSAGE,
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'something went wrong on our side; please try again',
    };
  }
}
