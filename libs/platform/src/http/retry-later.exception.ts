import { HttpException, HttpStatus } from '@nestjs/common';

/** How long to tell a client to wait while a dependency (Postgres, Redis) is briefly away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** What people are told while a dependency is away: it is not their fault, and it will pass. */
export const BRIEFLY_UNAVAILABLE_MESSAGE = 'the service is briefly unavailable: try again in a few seconds';

/**
 * A refusal that ends: too many attempts (429) or a dependency away (503). The exception filter
 * sends `retryAfterSeconds` as the standard Retry-After header, on API replies and pages alike.
 */
export class RetryLaterException extends HttpException {
  constructor(
    status: HttpStatus.TOO_MANY_REQUESTS | HttpStatus.SERVICE_UNAVAILABLE,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, status);
  }

  /** A dependency is away: 503, try again in a few seconds. */
  static unavailable(message = BRIEFLY_UNAVAILABLE_MESSAGE): RetryLaterException {
    return new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, message, UNAVAILABLE_RETRY_AFTER_SECONDS);
  }
}
