import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateUserDto,
  PartnerUsersUnavailable,
  StaffAccounts,
  toUserView,
  UpdateUserDto,
  UsersService,
  type User,
  type UserView,
} from '@roundtable/identity';
import { PartnerUsers } from '@roundtable/partners';
import { PageQueryDto, type Page } from '@roundtable/platform';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/**
 * Users: admins list, add, re-role, deactivate and reactivate staff; admins and organisers add,
 * deactivate and reactivate partner users (the services refuse an organiser's staff changes with
 * a 403).
 */
@ApiTags('identity')
@Controller('api/v1/users')
@Authenticated(...STAFF)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly staffAccounts: StaffAccounts,
    private readonly partnerUsers: PartnerUsers,
  ) {}

  @Get()
  @Authenticated('admin')
  @ApiOperation({
    summary: 'List the staff accounts (admins and organisers, active or not), by name; admins only',
    description:
      'Partner users are listed with their partner. lastSignedInAt is null until they first sign in.',
  })
  async list(@Query() query: PageQueryDto): Promise<Page<UserView>> {
    const result = await this.users.listStaff(query);
    return { items: result.items.map(toUserView), total: result.total };
  }

  @Post()
  @ApiOperation({
    summary:
      'Create a user: staff (admins only), or a partner user of an approved partner (admins and organisers)',
    description:
      'A partner user needs partnerId and gets no password here: they are emailed a single-use link to set one. ' +
      'A staff user with emailPasswordLink true is emailed such a link too; one without a password or the link ' +
      'gets one generated and returned once as initialPassword.',
  })
  @ApiNotFoundResponse({ description: 'No partner organisation with that partnerId.' })
  @ApiConflictResponse({ description: 'A user with that email already exists.' })
  async create(
    @Body() body: CreateUserDto,
    @CurrentUser() actor: User,
  ): Promise<UserView & { initialPassword?: string }> {
    if (body.role === 'partner') {
      if (!body.partnerId) throw new PartnerUsersUnavailable();
      const user = await this.partnerUsers.add(
        { email: body.email, name: body.name, partnerId: body.partnerId },
        actor,
      );
      return toUserView(user);
    }
    if (body.emailPasswordLink && !body.password && !body.partnerId) {
      return toUserView(await this.staffAccounts.invite(body, actor));
    }
    const { user, initialPassword } = await this.users.create(body, actor);
    return { ...toUserView(user), ...(initialPassword && { initialPassword }) };
  }

  @Patch(':id')
  @Authenticated('admin')
  @ApiOperation({
    summary: "Change a staff user's role (admin or organiser) or name; admins only",
    description:
      'A role change counts from the user’s next request. An admin may change their own role while another active admin remains.',
  })
  @ApiBadRequestResponse({ description: 'A partner user, or a role other than admin or organiser.' })
  @ApiNotFoundResponse({ description: 'No user with that id.' })
  @ApiConflictResponse({ description: 'That would leave no active admin.' })
  async update(
    @Param('id', uuidPipe('user')) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() actor: User,
  ): Promise<UserView> {
    return toUserView(await this.users.updateStaff(id, body, actor));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a user: sign-in is refused and every session ends at once' })
  @ApiForbiddenResponse({ description: 'Your own account, or a staff user when you are not an admin.' })
  @ApiNotFoundResponse({ description: 'No user with that id.' })
  @ApiConflictResponse({ description: 'The user is already deactivated.' })
  async deactivate(@Param('id', uuidPipe('user')) id: string, @CurrentUser() actor: User): Promise<UserView> {
    return toUserView(await this.users.deactivate(id, actor));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reactivate a user: they can sign in again with their password (or a reset link)',
  })
  @ApiNotFoundResponse({ description: 'No user with that id.' })
  @ApiConflictResponse({ description: 'The user is active already.' })
  async reactivate(@Param('id', uuidPipe('user')) id: string, @CurrentUser() actor: User): Promise<UserView> {
    return toUserView(await this.users.reactivate(id, actor));
  }
}
