import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateUserDto,
  PartnerUsersUnavailable,
  toUserView,
  UsersService,
  type User,
  type UserView,
} from '@roundtable/identity';
import { PartnerUsers } from '@roundtable/partners';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/**
 * Users: admins add and deactivate staff; admins and organisers add and deactivate partner
 * users (the services refuse an organiser's staff changes with a 403).
 */
@ApiTags('identity')
@Controller('api/v1/users')
@Authenticated(...STAFF)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly partnerUsers: PartnerUsers,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Create a user: staff (admins only), or a partner user of an approved partner (admins and organisers)',
    description:
      'A partner user needs partnerId and gets no password here: they are emailed a single-use link to set one. ' +
      'A staff user without a password gets one generated and returned once as initialPassword.',
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
    const { user, initialPassword } = await this.users.create(body, actor);
    return { ...toUserView(user), ...(initialPassword && { initialPassword }) };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a user: sign-in is refused and every session ends at once' })
  @ApiNotFoundResponse({ description: 'No user with that id.' })
  @ApiConflictResponse({ description: 'The user is already deactivated.' })
  async deactivate(@Param('id', uuidPipe('user')) id: string, @CurrentUser() actor: User): Promise<UserView> {
    return toUserView(await this.users.deactivate(id, actor));
  }
}
