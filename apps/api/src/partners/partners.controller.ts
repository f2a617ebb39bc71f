import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import {
  ListPartnersQueryDto,
  PartnerDecisions,
  PartnersDirectory,
  RejectPartnerDto,
  toPartnerView,
  type PartnerDetailView,
  type PartnerView,
} from '@roundtable/partners';
import type { Page } from '@roundtable/platform';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/** Staff's approval queue for partner organisations. */
@ApiTags('partners')
@Controller('api/v1/partners')
@Authenticated(...STAFF)
export class PartnersController {
  constructor(
    private readonly directory: PartnersDirectory,
    private readonly decisions: PartnerDecisions,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Partner organisations, pending first (oldest first), optionally by status' })
  list(@Query() query: ListPartnersQueryDto): Promise<Page<PartnerView>> {
    return this.directory.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partner organisation, with its users' })
  @ApiNotFoundResponse({ description: 'No partner organisation with that id.' })
  get(@Param('id', uuidPipe('partner')) id: string): Promise<PartnerDetailView> {
    return this.directory.detail(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve a pending organisation: its contact becomes a partner user and is emailed a set-password link',
  })
  @ApiNotFoundResponse({ description: 'No partner organisation with that id.' })
  @ApiConflictResponse({ description: 'It is not pending (already approved or rejected).' })
  async approve(
    @Param('id', uuidPipe('partner')) id: string,
    @CurrentUser() user: User,
  ): Promise<PartnerView> {
    return toPartnerView(await this.decisions.approve(id, user));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a pending organisation: the reason is emailed to its contact' })
  @ApiNotFoundResponse({ description: 'No partner organisation with that id.' })
  @ApiConflictResponse({ description: 'It is not pending (already approved or rejected).' })
  async reject(
    @Param('id', uuidPipe('partner')) id: string,
    @Body() body: RejectPartnerDto,
    @CurrentUser() user: User,
  ): Promise<PartnerView> {
    return toPartnerView(await this.decisions.reject(id, body.reason, user));
  }
}
