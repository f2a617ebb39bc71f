import { ArgumentsHost, Catch, ExceptionFilter, NotFoundException } from '@nestjs/common';
import type { Response } from 'express';

/**
 * A manage link that matches nothing (cut short in an email, mistyped, or made up) gets a page
 * that says what may have happened and what to do, rather than the general "page not found".
 */
@Catch(NotFoundException)
export class ManageNotFoundFilter implements ExceptionFilter {
  catch(_exception: NotFoundException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    res.status(404).render('pages/manage/not-found.njk');
  }
}
