import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PasswordResetRequestDto, PasswordResets } from '@roundtable/identity';
import { PublicRateLimit } from '../http/throttling';

@ApiTags('public')
@Controller('api/v1/public/password-resets')
@PublicRateLimit()
export class PublicPasswordResetsController {
  constructor(private readonly resets: PasswordResets) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Forgot your password: email a single-use link to set a new one',
    description:
      'The answer is the same whether or not the address has an account. If an active user has it, they are ' +
      'emailed a reset link that works once, for two hours (at most three an hour). Using it ends every session.',
  })
  @ApiAcceptedResponse({ description: 'If the address has an account, a link is on its way.' })
  @ApiBadRequestResponse({ description: 'Not an email address.' })
  async request(@Body() body: PasswordResetRequestDto): Promise<{ message: string }> {
    await this.resets.request(body.email);
    return { message: RESET_REPLY };
  }
}

/** The one reply, whatever the address: it must not say whether an account exists. */
export const RESET_REPLY =
  'If that address has a Roundtable account, we have emailed it a link to set a new password. The link works once, for 2 hours.';
