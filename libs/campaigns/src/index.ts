export { CAMPAIGN_STATUSES, type CampaignStatus } from './campaign-statuses';
export { Campaign } from './campaigns/campaign.entity';
export { toCampaignView, type CampaignView } from './campaigns/campaign.view';
export { CampaignsService } from './campaigns/campaigns.service';
export { CampaignsModule } from './campaigns.module';
export {
  CAMPAIGN_TEXT_MAX,
  CAMPAIGN_TITLE_MAX,
  CreateCampaignDto,
  ListCampaignsQueryDto,
  UpdateCampaignDto,
} from './dto/campaign.dto';
// Every refusal is public: the API filter maps each one.
export * from './errors';
export { IsIsoDate, isIsoDate } from './dto/iso-date.validator';
