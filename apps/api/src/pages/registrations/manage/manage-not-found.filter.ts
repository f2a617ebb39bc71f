import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { HttpExceptionFilter } from '../../../http/http-exception.filter';

/**
 * A manage link that matches nothing (cut short in an email, mistyped, or made up) gets a page
 * that says what may have happened and what to do, rather than the general "page not found".
 * Every other error is answered as everywhere else.
 */
@Catch()
export class ManageNotFoundFilter extends HttpExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (this.describe(exception).status !== HttpStatus.NOT_FOUND) return super.catch(exception, host);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    res.status(HttpStatus.NOT_FOUND).render('pages/registrations/manage/not-found.njk');
  }
}
