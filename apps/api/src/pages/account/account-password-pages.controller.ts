import { Body, Controller, Get, Logger, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ChangePasswordDto, PasswordChanges, type User } from '@roundtable/identity';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../auth/authenticated-request';
import { CurrentUser } from '../../auth/current-user.decorator';
import { AccountPageGuard } from '../../auth/pages/account-page.guard';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { LoginRateLimit } from '../../http/throttling';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { dtoProblems, explainRefusal, sentence, type FormWording } from '../forms/service-errors';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

const WORDING: FormWording = {
  rules: {
    'current-password-matches': (_, errors) =>
      errors.add('currentPassword', 'Your current password is not right. Check it and try again'),
    'new-password-differs': (_, errors) =>
      errors.add('newPassword', 'Your new password must be different from your current one'),
  },
};

/**
 * A signed-in user (staff or partner) changes their password: the current one, then the new one
 * twice. Every other session of theirs ends; this one carries on (PasswordChanges).
 */
@ApiExcludeController()
@Controller('account/password')
@UseGuards(AccountPageGuard, CsrfGuard)
export class AccountPasswordPagesController {
  private readonly logger = new Logger(AccountPasswordPagesController.name);

  constructor(private readonly changes: PasswordChanges) {}

  @Get()
  form(@Query() query: Record<string, unknown>, @Res() res: Response): void {
    this.render(res, 200, NO_ERRORS, query.changed === '1');
  }

  @Post()
  @LoginRateLimit()
  async submit(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const currentPassword = textField(body, 'currentPassword');
    const newPassword = textField(body, 'newPassword');
    const confirm = textField(body, 'confirmPassword');
    const errors = new FormErrors();
    if (currentPassword === '') errors.add('currentPassword', 'Enter your current password');
    const problems = await dtoProblems(plainToInstance(ChangePasswordDto, { currentPassword, newPassword }));
    const newProblem = problems.find((problem) => problem.property === 'newPassword');
    if (newPassword === '') errors.add('newPassword', 'Enter a new password');
    else if (newProblem)
      errors.add('newPassword', sentence(newProblem.message.replace('newPassword', 'your new password')));
    else if (confirm !== newPassword)
      errors.add('confirmPassword', 'The new passwords do not match: type the same password twice');
    const currentProblem = problems.find((problem) => problem.property === 'currentPassword');
    if (currentProblem && currentPassword !== '')
      errors.add('currentPassword', 'Your current password is too long');
    let status = 400;
    if (!errors.any) {
      try {
        await this.changes.change(user.id, req.sessionToken!, currentPassword, newPassword);
        this.logger.log(`user ${user.id} changed their password from the pages`);
        res.redirect(303, '/account/password?changed=1');
        return;
      } catch (error) {
        status = explainRefusal(error, errors, WORDING);
      }
    }
    this.render(res, status, errors.toView(FIELDS), false);
  }

  private render(res: Response, status: number, errors: FormErrorsView, changed: boolean): void {
    res.status(status).render('pages/account/password.njk', { changed, ...errors });
  }
}
