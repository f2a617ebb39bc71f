import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CampaignsService,
  CreateCampaignDto,
  ListCampaignsQueryDto,
  toCampaignView,
  UpdateCampaignDto,
  type CampaignView,
} from '@roundtable/campaigns';
import type { Page } from '@roundtable/platform';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

@ApiTags('campaigns')
@Controller('api/v1/campaigns')
@Authenticated(...STAFF)
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @ApiOperation({ summary: 'Draft a campaign: a question the office asks, with its events and evidence' })
  async create(@Body() body: CreateCampaignDto): Promise<CampaignView> {
    return toCampaignView(await this.campaigns.create(body));
  }

  @Get()
  @ApiOperation({ summary: 'List campaigns, latest start first' })
  async list(@Query() query: ListCampaignsQueryDto): Promise<Page<CampaignView>> {
    const page = await this.campaigns.list(query);
    return { items: page.items.map(toCampaignView), total: page.total };
  }

  @Get(':id')
  async get(@Param('id', uuidPipe('campaign')) id: string): Promise<CampaignView> {
    return toCampaignView(await this.campaigns.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a campaign (its status changes only by publishing)' })
  async update(
    @Param('id', uuidPipe('campaign')) id: string,
    @Body() body: UpdateCampaignDto,
  ): Promise<CampaignView> {
    return toCampaignView(await this.campaigns.update(id, body));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft campaign: its public page appears' })
  @ApiConflictResponse({ description: 'The campaign is not a draft.' })
  async publish(@Param('id', uuidPipe('campaign')) id: string): Promise<CampaignView> {
    return toCampaignView(await this.campaigns.publish(id));
  }
}
