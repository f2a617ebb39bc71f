import { Controller, Get, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CampaignsService, toCampaignView } from '@roundtable/campaigns';
import { EventsService } from '@roundtable/events';
import { toPublicCampaignView } from '../../campaigns/public-campaign.view';
import { PublicRateLimit } from '../../http/throttling';
import { uuidPipe } from '../../http/uuid.pipe';
import { paragraphs } from '../events/event-details';
import { calendarDateInWords } from './campaign-dates';

/**
 * A published campaign for anyone to read: what it is about, when it runs, what happens to what
 * people tell us, its upcoming events, and the way to its testimony form. The same public view
 * as GET /api/v1/public/campaigns/:id; drafts and closed campaigns are "not found".
 */
@ApiExcludeController()
@Controller('campaigns')
@PublicRateLimit()
export class PublicCampaignPagesController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly events: EventsService,
  ) {}

  @Get(':id')
  @Render('pages/campaigns/public/show.njk')
  async show(@Param('id', uuidPipe('campaign')) id: string) {
    const campaign = await this.campaigns.getPublished(id);
    const view = toPublicCampaignView(toCampaignView(campaign), await this.events.listUpcomingInCampaign(id));
    return {
      campaign: view,
      summaryParagraphs: paragraphs(view.summary),
      evidenceUseParagraphs: paragraphs(view.evidenceUse),
      startsOn: calendarDateInWords(view.startsOn),
      endsOn: calendarDateInWords(view.endsOn),
      formPath: `/testimony/new?campaign=${view.id}`,
    };
  }
}
