import { Injectable } from '@nestjs/common';
import { Campaign } from '@roundtable/campaigns';
import { EventEntity } from '@roundtable/events';
import type { RuleBroken } from '@roundtable/platform';
import { ManageLinks } from '@roundtable/registrations';
import { In, type EntityManager } from 'typeorm';
import {
  campaignNotPublished,
  campaignNotTheEvents,
  eventNotPublished,
  eventNotTheRegistrations,
  registrationLinkUnknown,
  unknownThemes,
} from '../errors';
import { Theme } from '../themes/theme.entity';

/** Where a testimony came from, as the input names it. */
export interface OriginInput {
  campaignId?: string | null;
  eventId?: string | null;
  registrationToken?: string | null;
  themes?: readonly string[] | null;
}

/** What it resolves to: the ids the row is written with, or every problem with the input. */
export interface Origin {
  campaignId: string | null;
  eventId: string | null;
  registrationId: string | null;
  themeIds: string[];
  problems: RuleBroken[];
}

/**
 * Resolves the campaign, event, registration and themes a submission names, in the caller's
 * transaction. An event's campaign becomes the testimony's; a registration's event becomes its
 * event. Anything named that does not stand is a problem on its field (bad input, a 400).
 */
@Injectable()
export class IntakeOrigin {
  constructor(private readonly manageLinks: ManageLinks) {}

  async resolve(manager: EntityManager, input: OriginInput): Promise<Origin> {
    const problems: RuleBroken[] = [];
    let eventId = input.eventId ?? null;
    let registrationId: string | null = null;
    if (input.registrationToken) {
      const registration = await this.manageLinks.findByToken(manager, input.registrationToken);
      if (!registration) problems.push(registrationLinkUnknown());
      else if (eventId && eventId !== registration.eventId) problems.push(eventNotTheRegistrations());
      else [eventId, registrationId] = [registration.eventId, registration.id];
    }
    let campaignId = input.campaignId ?? null;
    if (eventId) {
      const event = await manager.getRepository(EventEntity).findOne({ where: { id: eventId } });
      if (!event || event.status !== 'published') {
        problems.push(
          eventNotPublished(registrationId ? 'the event of registrationToken' : 'eventId', eventId),
        );
      } else if (campaignId && campaignId !== event.campaignId) {
        problems.push(campaignNotTheEvents(campaignId, event.campaignId));
      } else {
        campaignId = event.campaignId;
      }
    } else if (campaignId) {
      const campaign = await manager.getRepository(Campaign).findOne({ where: { id: campaignId } });
      if (!campaign || campaign.status !== 'published') problems.push(campaignNotPublished(campaignId));
    }
    const themeIds = await this.activeThemeIds(manager, input.themes ?? [], problems);
    return { campaignId, eventId, registrationId, themeIds, problems };
  }

  private async activeThemeIds(
    manager: EntityManager,
    slugs: readonly string[],
    problems: RuleBroken[],
  ): Promise<string[]> {
    if (slugs.length === 0) return [];
    const themes = await manager
      .getRepository(Theme)
      .find({ select: { id: true, slug: true }, where: { slug: In([...slugs]), status: 'active' } });
    const found = new Set(themes.map((theme) => theme.slug));
    const unknown = slugs.filter((slug) => !found.has(slug));
    if (unknown.length > 0) problems.push(unknownThemes(unknown));
    return themes.map((theme) => theme.id);
  }
}
