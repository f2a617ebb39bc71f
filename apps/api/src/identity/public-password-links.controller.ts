import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { PasswordLinks, SetPasswordDto } from '@roundtable/identity';
import { PublicRateLimit } from '../http/throttling';

@ApiTags('public')
@Controller('api/v1/public/password-links')
@PublicRateLimit()
export class PublicPasswordLinksController {
  constructor(private readonly links: PasswordLinks) {}

  @Post(':token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set your password from the single-use link you were emailed' })
  @ApiParam({ name: 'token', example: 'rtp_JV7a6JKIKds3I4I4OwWaq-9BfNaLV9zsrZSdacfXVW4' })
  @ApiNoContentResponse({ description: 'Set: sign in with it. Every earlier session has ended.' })
  @ApiBadRequestResponse({ description: 'The password breaks a rule (at least 12 characters).' })
  @ApiNotFoundResponse({ description: 'No such link.' })
  @ApiGoneResponse({ description: 'The link was used already, or has expired.' })
  async set(@Param('token') token: string, @Body() body: SetPasswordDto): Promise<void> {
    await this.links.setPassword(token, body.password);
  }
}
