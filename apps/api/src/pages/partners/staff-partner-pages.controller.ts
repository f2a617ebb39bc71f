import { Body, Controller, Get, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CreateUserDto, UsersService, type User } from '@roundtable/identity';
import {
  PartnerDecisions,
  PartnersDirectory,
  PartnerUsers,
  RejectPartnerDto,
  type PartnerDetailView,
} from '@roundtable/partners';
import { plainToInstance } from 'class-transformer';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { uuidPipe } from '../../http/uuid.pipe';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { dtoProblems, explainRefusal, sentence } from '../forms/service-errors';
import { whenLabel } from '../testimonies/testimony-labels';

const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  pending: { text: 'Waiting for a decision', classes: 'govuk-tag--yellow' },
  approved: { text: 'Approved', classes: 'govuk-tag--green' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--grey' },
};

/** What the banner says after each action (the action redirects with ?done=…). */
const DONE: Record<string, string> = {
  approved: 'Approved. The contact has been emailed a link to set their password.',
  rejected: 'Rejected. The contact has been emailed the reason.',
  'user-added': 'User added. They have been emailed a link to set their password.',
  deactivated: 'User deactivated. They have been signed out everywhere.',
};

/**
 * Staff's approval queue for partner organisations (pending first) and each organisation's
 * page: approve, reject with a reason, add users and deactivate them.
 */
@ApiExcludeController()
@Controller('staff/partners')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffPartnerPagesController {
  constructor(
    private readonly directory: PartnersDirectory,
    private readonly decisions: PartnerDecisions,
    private readonly partnerUsers: PartnerUsers,
    private readonly users: UsersService,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const page = readPageNumber(query);
    const result = await this.directory.list({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    res.render('pages/partners/staff-list.njk', {
      section: 'partners',
      partners: result.items.map((partner) => ({
        ...partner,
        tag: STATUS_TAGS[partner.status],
        registered: whenLabel(new Date(partner.createdAt)),
      })),
      total: result.total,
      pagination: paginationView('/staff/partners', query, page, result.total),
    });
  }

  @Get(':id')
  async show(
    @Param('id', uuidPipe('partner organisation')) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(
      res,
      200,
      await this.directory.detail(id),
      NO_ERRORS,
      {},
      DONE[textField(query, 'done')],
    );
  }

  @Post(':id/approve')
  async approve(
    @Param('id', uuidPipe('partner organisation')) id: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    await this.act(res, id, () => this.decisions.approve(id, user), 'approved');
  }

  @Post(':id/reject')
  async reject(
    @Param('id', uuidPipe('partner organisation')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const reason = textField(body, 'reason');
    // The API's rules for a reason (no control characters, a length), checked the same way.
    const input = plainToInstance(RejectPartnerDto, { reason });
    const [problem] = await dtoProblems(input);
    if (reason.trim() === '' || problem) {
      const errors = new FormErrors().add(
        'reason',
        reason.trim() === '' ? 'Enter the reason: it is emailed to the contact' : sentence(problem!.message),
      );
      await this.render(res, 400, await this.directory.detail(id), errors.toView(['reason']), { reason });
      return;
    }
    await this.act(
      res,
      id,
      () => this.decisions.reject(id, input.reason, user),
      'rejected',
      { reason },
      {
        reason: 'reason',
      },
    );
  }

  @Post(':id/users')
  async addUser(
    @Param('id', uuidPipe('partner organisation')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const values = { userName: textField(body, 'userName'), userEmail: textField(body, 'userEmail') };
    // The API's rules for a new user (CreateUserDto), checked the same way, by this form's fields.
    const input = plainToInstance(CreateUserDto, {
      email: values.userEmail,
      name: values.userName,
      role: 'partner',
      partnerId: id,
    });
    const problems = await dtoProblems(input);
    const errors = new FormErrors();
    const nameProblem = problems.find((each) => each.property === 'name');
    if (values.userName.trim() === '') errors.add('userName', 'Enter their name');
    else if (nameProblem) errors.add('userName', sentence(nameProblem.message));
    if (problems.some((each) => each.property === 'email'))
      errors.add('userEmail', 'Enter an email address in the correct format, like name@example.org');
    if (errors.any) {
      await this.render(
        res,
        400,
        await this.directory.detail(id),
        errors.toView(['userName', 'userEmail']),
        values,
      );
      return;
    }
    await this.act(
      res,
      id,
      () => this.partnerUsers.add({ email: input.email, name: input.name, partnerId: id }, user),
      'user-added',
      values,
      { email: 'userEmail', name: 'userName', partnerId: 'userEmail' },
    );
  }

  @Post(':id/users/:userId/deactivate')
  async deactivate(
    @Param('id', uuidPipe('partner organisation')) id: string,
    @Param('userId', uuidPipe('user')) userId: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.directory.detail(id);
    // Only this organisation's users, from its own page.
    if (!detail.users.some((each) => each.id === userId)) {
      await this.render(
        res,
        404,
        detail,
        new FormErrors().add(undefined, 'That user is not in this organisation').toView([]),
      );
      return;
    }
    await this.act(res, id, () => this.users.deactivate(userId, user), 'deactivated');
  }

  /** Does the change and goes back to the page with a banner, or shows the page with why not. */
  private async act(
    res: Response,
    id: string,
    change: () => Promise<unknown>,
    done: string,
    values: Record<string, string> = {},
    fields: Record<string, string> = {},
  ): Promise<void> {
    const errors = new FormErrors();
    try {
      await change();
      res.redirect(303, `/staff/partners/${id}?done=${done}`);
    } catch (error) {
      const status = explainRefusal(error, errors, { fields });
      await this.render(
        res,
        status,
        await this.directory.detail(id),
        errors.toView(Object.values(fields)),
        values,
      );
    }
  }

  private async render(
    res: Response,
    status: number,
    partner: PartnerDetailView,
    errors: FormErrorsView,
    values: Record<string, string> = {},
    done?: string,
  ): Promise<void> {
    res.status(status).render('pages/partners/staff-detail.njk', {
      section: 'partners',
      partner,
      tag: STATUS_TAGS[partner.status],
      registered: whenLabel(new Date(partner.createdAt)),
      users: partner.users.map((user) => ({ ...user, active: user.deactivatedAt === null })),
      values,
      done,
      ...errors,
    });
  }
}
