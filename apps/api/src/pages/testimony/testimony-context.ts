import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { DomainError } from '@roundtable/platform';
import { CampaignsService, PublishedCampaignNotFound } from '@roundtable/campaigns';
import { EventsService, type EventEntity } from '@roundtable/events';
import { RegistrationsService } from '@roundtable/registrations';
import { ManageTokenPipe } from '../../registrations/manage-token.pipe';
import { paragraphs } from '../events/event-details';
import { isUUID } from 'class-validator';

/** Where a testimony form was opened from, as its hidden fields carry it. */
export interface TestimonyOrigin {
  campaign: string;
  event: string;
  registration: string;
}

/** What the form says about where it was opened from, above the form. */
export interface TestimonyContext {
  /** The campaign's or event's title, as a caption. */
  about?: string;
  /** The campaign's own words on what happens to the evidence. */
  evidenceUseParagraphs: string[];
}

/**
 * Reads where the form was opened from: a campaign page, an event page, or a registration's
 * private manage page (its token). A link that names nothing we publish is a 404, as for any
 * other page: the form is still there at /testimony/new without it.
 */
@Injectable()
export class TestimonyContextReader {
  private readonly tokenPipe = new ManageTokenPipe();

  constructor(
    private readonly campaigns: CampaignsService,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
  ) {}

  async read(origin: TestimonyOrigin): Promise<TestimonyContext> {
    let event: EventEntity | undefined;
    if (origin.registration !== '') {
      event = (await this.registrations.getByToken(this.tokenPipe.transform(origin.registration))).event;
    } else if (origin.event !== '') {
      if (!isUUID(origin.event)) throw new NotFoundException('no event with that id: check the link');
      event = await this.events.getPublic(origin.event);
    }
    const campaignId = event?.campaignId ?? (origin.campaign === '' ? null : origin.campaign);
    const campaign = campaignId ? await this.campaignOrNothing(campaignId, !event) : undefined;
    return {
      about: event?.title ?? campaign?.title,
      evidenceUseParagraphs: campaign ? paragraphs(campaign.evidenceUse) : [],
    };
  }

  /**
   * The same, or undefined when the origin names nothing open now (unpublished or cancelled
   * since the form was opened, or made up): a posted form is shown again without it rather than
   * lose what was written.
   */
  async readIfOpen(origin: TestimonyOrigin): Promise<TestimonyContext | undefined> {
    try {
      return await this.read(origin);
    } catch (error) {
      const notFound =
        (error instanceof DomainError && error.kind === 'not-found') ||
        (error instanceof NotFoundException && error.getStatus() === HttpStatus.NOT_FOUND);
      if (notFound) return undefined;
      throw error;
    }
  }

  /** An event's campaign that is not (or no longer) published is simply not mentioned. */
  private async campaignOrNothing(id: string, named: boolean) {
    if (!isUUID(id)) throw new NotFoundException('no campaign with that id: check the link');
    try {
      return await this.campaigns.getPublished(id);
    } catch (error) {
      if (!named && error instanceof PublishedCampaignNotFound) return undefined;
      throw error;
    }
  }
}
