import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InvitationsService } from '@roundtable/registrations';
import { PublicRateLimit } from '../http/throttling';
import { ManageTokenPipe } from './manage-token.pipe';

class UnsubscribedView {
  @ApiProperty({ enum: [true], description: 'Always true: the address gets no more invitations' })
  unsubscribed: true;
}

/** For API clients: the same as the unsubscribe link in an invitation email. */
@ApiTags('public')
@Controller('api/v1/public/registrations/:token/unsubscribe')
@PublicRateLimit()
export class PublicUnsubscribeController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stop all further invitations to this address; a place already held is kept',
  })
  @ApiOkResponse({ type: UnsubscribedView })
  @ApiNotFoundResponse({ description: 'The link does not match a registration.' })
  async unsubscribe(@Param('token', ManageTokenPipe) token: string): Promise<UnsubscribedView> {
    await this.invitations.unsubscribeByToken(token, 'api');
    return { unsubscribed: true };
  }
}
