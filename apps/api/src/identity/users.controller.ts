import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserDto, toUserView, UsersService, type UserView } from '@roundtable/identity';
import { Authenticated } from '../auth/roles.decorator';

@ApiTags('identity')
@Controller('api/v1/users')
@Authenticated('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff user (admins only)' })
  @ApiConflictResponse({ description: 'A user with that email already exists.' })
  async create(@Body() body: CreateUserDto): Promise<UserView & { initialPassword?: string }> {
    const { user, initialPassword } = await this.users.create(body);
    return { ...toUserView(user), ...(initialPassword && { initialPassword }) };
  }
}
