import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CampaignsService, toCampaignView } from '@roundtable/campaigns';
import { EventsService } from '@roundtable/events';
import { PublicRateLimit } from '../http/throttling';
import { uuidPipe } from '../http/uuid.pipe';
import { toPublicCampaignView, type PublicCampaignView } from './public-campaign.view';

@ApiTags('public')
@Controller('api/v1/public/campaigns')
@PublicRateLimit()
export class PublicCampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly events: EventsService,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A published campaign with its upcoming published events; no personal data' })
  async get(@Param('id', uuidPipe('campaign')) id: string): Promise<PublicCampaignView> {
    const campaign = await this.campaigns.getPublished(id);
    return toPublicCampaignView(toCampaignView(campaign), await this.events.listUpcomingInCampaign(id));
  }
}
