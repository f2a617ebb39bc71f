import { HttpStatus } from '@nestjs/common';
import type { DomainErrorKind } from '@roundtable/platform';

/** The one place a library's kind of refusal becomes an HTTP status, for the API and the pages. */
export const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorised: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
};
