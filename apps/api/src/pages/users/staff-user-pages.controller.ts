import { Body, Controller, Get, Logger, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { StaffAccounts, STAFF_ROLES, UserNotFound, UsersService, type User } from '@roundtable/identity';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { AdminPageGuard } from '../../auth/pages/admin-page.guard';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { uuidPipe } from '../../http/uuid.pipe';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { explainRefusal } from '../forms/service-errors';
import { whenLabel } from '../testimonies/testimony-labels';
import {
  NEW_STAFF_USER_FIELDS,
  parseNewStaffUser,
  parseStaffUserChange,
  readStaffUserForm,
  ROLE_CHOICES,
  ROLE_LABELS,
  STAFF_USER_CHANGE_FIELDS,
  STAFF_USER_WORDING,
  type StaffUserFormValues,
} from './staff-user-form';

const NOTICES: Record<string, string> = {
  added: 'Staff user added. They have been emailed a link to set their password.',
  changed: 'Staff user changed.',
  deactivated: 'Staff user deactivated. They were signed out everywhere and cannot sign in.',
  reactivated: 'Staff user reactivated. They can sign in again.',
};

/**
 * Admins' pages for staff accounts: the list, adding someone (emailed a link to set their own
 * password), changing a name or role, deactivating (every session ends at once) and
 * reactivating. The rules live in UsersService and StaffAccounts, as for the JSON API.
 */
@ApiExcludeController()
@Controller('staff/users')
@UseGuards(AdminPageGuard, CsrfGuard)
export class StaffUserPagesController {
  private readonly logger = new Logger(StaffUserPagesController.name);

  constructor(
    private readonly users: UsersService,
    private readonly staffAccounts: StaffAccounts,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @CurrentUser() me: User, @Res() res: Response) {
    const page = readPageNumber(query);
    const result = await this.users.listStaff({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    res.render('pages/users/list.njk', {
      users: result.items.map((user) => this.view(user, me)),
      total: result.total,
      notice: NOTICES[typeof query.done === 'string' ? query.done : ''],
      pagination: paginationView('/staff/users', query, page, result.total),
    });
  }

  @Get('new')
  newUser(@Res() res: Response): void {
    this.renderNew(res, 200, { name: '', email: '', role: '' }, NO_ERRORS);
  }

  @Post('new')
  async create(@Body() body: Record<string, unknown>, @CurrentUser() me: User, @Res() res: Response) {
    const values = readStaffUserForm(body);
    const parsed = await parseNewStaffUser(values);
    let status = 400;
    if (parsed.input) {
      try {
        const user = await this.staffAccounts.invite(parsed.input, me);
        this.logger.log(`user ${me.id} added ${user.role} user ${user.id}`);
        res.redirect(303, '/staff/users?done=added');
        return;
      } catch (error) {
        status = explainRefusal(error, parsed.errors, STAFF_USER_WORDING);
      }
    }
    this.renderNew(res, status, values, parsed.errors.toView(NEW_STAFF_USER_FIELDS));
  }

  @Get(':id')
  async show(@Param('id', uuidPipe('user')) id: string, @CurrentUser() me: User, @Res() res: Response) {
    const user = await this.staffUser(id);
    this.renderShow(res, 200, user, me, { name: user.name, role: user.role }, NO_ERRORS);
  }

  @Post(':id')
  async change(
    @Param('id', uuidPipe('user')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() me: User,
    @Res() res: Response,
  ) {
    const user = await this.staffUser(id);
    const values = readStaffUserForm(body);
    const parsed = await parseStaffUserChange(values);
    let status = 400;
    if (parsed.input) {
      try {
        const updated = await this.users.updateStaff(id, parsed.input, me);
        // Someone who has just made themselves an organiser can no longer see these pages.
        res.redirect(
          303,
          updated.id === me.id && updated.role !== 'admin' ? '/staff/events' : '/staff/users?done=changed',
        );
        return;
      } catch (error) {
        status = explainRefusal(error, parsed.errors, STAFF_USER_WORDING);
      }
    }
    this.renderShow(res, status, user, me, values, parsed.errors.toView(STAFF_USER_CHANGE_FIELDS));
  }

  @Post(':id/deactivate')
  async deactivate(@Param('id', uuidPipe('user')) id: string, @CurrentUser() me: User, @Res() res: Response) {
    await this.activity(id, me, res, 'deactivated', () => this.users.deactivate(id, me));
  }

  @Post(':id/reactivate')
  async reactivate(@Param('id', uuidPipe('user')) id: string, @CurrentUser() me: User, @Res() res: Response) {
    await this.activity(id, me, res, 'reactivated', () => this.users.reactivate(id, me));
  }

  private async activity(
    id: string,
    me: User,
    res: Response,
    done: 'deactivated' | 'reactivated',
    act: () => Promise<User>,
  ): Promise<void> {
    const user = await this.staffUser(id);
    try {
      await act();
    } catch (error) {
      const errors = new FormErrors();
      const status = explainRefusal(error, errors);
      return this.renderShow(res, status, user, me, { name: user.name, role: user.role }, errors.toView([]));
    }
    this.logger.log(`user ${me.id} ${done} user ${id}`);
    res.redirect(303, `/staff/users?done=${done}`);
  }

  /** A staff account, or the not-found page: partner users are managed with their partner. */
  private async staffUser(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user || !STAFF_ROLES.includes(user.role)) throw new UserNotFound(id);
    return user;
  }

  private view(user: User, me: User) {
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      roleLabel: ROLE_LABELS[user.role] ?? user.role,
      active: !user.deactivatedAt,
      deactivatedLabel: user.deactivatedAt ? whenLabel(user.deactivatedAt) : null,
      lastSignedInLabel: user.lastSignedInAt ? whenLabel(user.lastSignedInAt) : null,
      isMe: user.id === me.id,
    };
  }

  private renderNew(res: Response, status: number, form: StaffUserFormValues, errors: FormErrorsView): void {
    res.status(status).render('pages/users/new.njk', { form, roles: ROLE_CHOICES, ...errors });
  }

  private renderShow(
    res: Response,
    status: number,
    user: User,
    me: User,
    form: Pick<StaffUserFormValues, 'name' | 'role'>,
    errors: FormErrorsView,
  ): void {
    res
      .status(status)
      .render('pages/users/show.njk', { user: this.view(user, me), form, roles: ROLE_CHOICES, ...errors });
  }
}
