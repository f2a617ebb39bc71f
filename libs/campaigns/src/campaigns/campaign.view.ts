import type { Campaign } from './campaign.entity';

/** What staff see of a campaign. */
export interface CampaignView {
  id: string;
  title: string;
  summary: string;
  startsOn: string;
  endsOn: string;
  evidenceUse: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export function toCampaignView(campaign: Campaign): CampaignView {
  return {
    id: campaign.id,
    title: campaign.title,
    summary: campaign.summary,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    evidenceUse: campaign.evidenceUse,
    status: campaign.status,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}
