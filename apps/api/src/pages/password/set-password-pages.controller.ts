import { Body, Controller, Get, Logger, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PasswordLinkExpired, PasswordLinks, PasswordLinkUsed, SetPasswordDto } from '@roundtable/identity';
import { DomainError } from '@roundtable/platform';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { PublicRateLimit } from '../../http/throttling';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { dtoProblems, sentence } from '../forms/service-errors';

/**
 * The page a set-password link opens: a new partner user's welcome (or a reset). A link that
 * cannot be used says why (used, expired, or not right) with its status, and how to get another.
 * Its address carries the link's secret: the page is not indexed, cached or sent as a Referer.
 */
@ApiExcludeController()
@Controller('password')
@PublicRateLimit()
@UseGuards(CsrfGuard)
export class SetPasswordPagesController {
  private readonly logger = new Logger(SetPasswordPagesController.name);

  constructor(private readonly links: PasswordLinks) {}

  @Get(':token')
  async form(@Param('token') token: string, @Res() res: Response): Promise<void> {
    try {
      await this.links.usable(token);
    } catch (error) {
      return this.refused(res, error);
    }
    this.render(res, 200, token, NO_ERRORS);
  }

  @Post(':token')
  async submit(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const password = textField(body, 'password');
    const confirm = textField(body, 'confirmPassword');
    const errors = new FormErrors();
    const [problem] = await dtoProblems(plainToInstance(SetPasswordDto, { password }));
    if (password === '') errors.add('password', 'Enter a password');
    else if (problem) errors.add('password', sentence(problem.message));
    else if (confirm !== password)
      errors.add('confirmPassword', 'The passwords do not match: type the same password twice');
    if (errors.any) return this.render(res, 400, token, errors.toView(['password', 'confirmPassword']));
    try {
      await this.links.setPassword(token, password);
    } catch (error) {
      return this.refused(res, error);
    }
    this.logger.log('password set from a set-password link');
    res.redirect(303, '/sign-in?passwordSet=1');
  }

  private refused(res: Response, error: unknown): void {
    if (!(error instanceof DomainError) || (error.kind !== 'gone' && error.kind !== 'not-found')) throw error;
    const reason =
      error instanceof PasswordLinkUsed
        ? 'used'
        : error instanceof PasswordLinkExpired
          ? 'expired'
          : 'unknown';
    res
      .status(error.kind === 'gone' ? 410 : 404)
      .render('pages/password/refused.njk', { reason, noindex: true });
  }

  private render(res: Response, status: number, token: string, errors: FormErrorsView): void {
    res.status(status).render('pages/password/set.njk', { token, noindex: true, ...errors });
  }
}
