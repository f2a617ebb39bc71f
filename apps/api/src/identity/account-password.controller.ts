import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangePasswordDto, PasswordChanges, type User } from '@roundtable/identity';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated } from '../auth/roles.decorator';
import { LoginRateLimit } from '../http/throttling';

@ApiTags('identity')
@Controller('api/v1/auth/password')
export class AccountPasswordController {
  constructor(private readonly changes: PasswordChanges) {}

  @Post()
  @HttpCode(204)
  @Authenticated('admin', 'organiser', 'partner')
  // Guessing the current password is as guessing at sign-in: the same limit.
  @LoginRateLimit()
  @ApiOperation({ summary: 'Change your password; every other session of yours ends, this one carries on' })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ApiBadRequestResponse({
    description:
      'currentPassword is not right, or newPassword breaks a rule (at least 12 characters, not the same).',
  })
  async change(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: User,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    await this.changes.change(user.id, req.sessionToken!, body.currentPassword, body.newPassword);
  }
}
