import { Body, Controller, Get, Logger, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PasswordResetRequestDto, PasswordResets } from '@roundtable/identity';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { PublicRateLimit } from '../../http/throttling';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { dtoProblems } from '../forms/service-errors';

/**
 * "Forgot your password?": the address, then the same page whatever it was, so nobody learns
 * whether an account exists. PasswordResets sends the link (at most a few an hour an account);
 * the page a link opens is SetPasswordPagesController's. Registered before it, so /password/forgot
 * is not taken for a link's token.
 */
@ApiExcludeController()
@Controller('password/forgot')
@PublicRateLimit()
@UseGuards(CsrfGuard)
export class ForgotPasswordPagesController {
  private readonly logger = new Logger(ForgotPasswordPagesController.name);

  constructor(private readonly resets: PasswordResets) {}

  @Get()
  form(@Res() res: Response): void {
    this.render(res, 200, '', NO_ERRORS);
  }

  @Post()
  async submit(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const email = textField(body, 'email').trim();
    const errors = new FormErrors();
    if (email === '') errors.add('email', 'Enter the email address you sign in with');
    else if ((await dtoProblems(plainToInstance(PasswordResetRequestDto, { email }))).length > 0)
      errors.add('email', 'Enter an email address in the right format, like name@example.com');
    if (errors.any) return this.render(res, 400, email, errors.toView(['email']));
    await this.resets.request(email.toLowerCase());
    this.logger.log('password reset asked for');
    res.status(200).render('pages/password/forgot-sent.njk', { noindex: true });
  }

  private render(res: Response, status: number, email: string, errors: FormErrorsView): void {
    res.status(status).render('pages/password/forgot.njk', { email, noindex: true, ...errors });
  }
}
