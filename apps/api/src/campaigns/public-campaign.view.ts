import type { CampaignView } from '@roundtable/campaigns';
import { toPublicEventView, type EventEntity, type EventFormat } from '@roundtable/events';

/** An upcoming event as a campaign page lists it: when and where, never the joining link. */
export interface CampaignEventView {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  when: string;
  format: EventFormat;
  venue: { name: string; area: string } | null;
  online: boolean;
}

/** What anyone sees of a published campaign: no staff fields. */
export type PublicCampaignView = Omit<CampaignView, 'createdAt' | 'updatedAt'> & {
  upcomingEvents: CampaignEventView[];
};

export function toPublicCampaignView(campaign: CampaignView, events: EventEntity[]): PublicCampaignView {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = campaign;
  return { ...rest, upcomingEvents: events.map(toCampaignEventView) };
}

function toCampaignEventView(event: EventEntity): CampaignEventView {
  const view = toPublicEventView(event);
  return {
    id: view.id,
    title: view.title,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    when: view.when,
    format: view.format,
    venue: view.venue ? { name: view.venue.name, area: view.venue.area } : null,
    online: view.format !== 'in_person',
  };
}
