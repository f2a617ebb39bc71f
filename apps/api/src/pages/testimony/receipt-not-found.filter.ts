import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { HttpExceptionFilter } from '../../http/http-exception.filter';

/**
 * A receipt link that opens nothing (cut short, mistyped, or its testimony erased) gets a kind
 * page saying what may have happened, not the general "page not found". Anything else is
 * answered as everywhere else.
 */
@Catch()
export class ReceiptNotFoundFilter extends HttpExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const notFound = this.describe(exception).status === HttpStatus.NOT_FOUND;
    if (!notFound) super.catch(exception, host);
    else if (!res.headersSent)
      res.status(HttpStatus.NOT_FOUND).render('pages/testimony/receipt/not-found.njk');
  }
}
