import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import type { Page } from '@roundtable/platform';
import {
  CaseworkQueueService,
  ListCaseworkQueryDto,
  UpdateCaseworkReferralDto,
  type CaseworkItem,
} from '@roundtable/testimony';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('casework')
@Controller('api/v1/casework')
@Authenticated(...STAFF)
export class CaseworkController {
  constructor(private readonly casework: CaseworkQueueService) {}

  @Get()
  @ApiOperation({
    summary: 'The casework referral queue: open first, oldest first (audited as casework.list)',
  })
  list(@Query() query: ListCaseworkQueryDto, @CurrentUser() user: User): Promise<Page<CaseworkItem>> {
    return this.casework.list(query, user.id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Move a referral along: open, in-progress or closed (audited as casework.update)',
  })
  @ApiNotFoundResponse({ description: 'No referral with that id.' })
  update(
    @Param('id', uuidPipe('casework referral')) id: string,
    @Body() body: UpdateCaseworkReferralDto,
    @CurrentUser() user: User,
  ): Promise<CaseworkItem> {
    return this.casework.setStatus(id, body.status, user.id);
  }
}
