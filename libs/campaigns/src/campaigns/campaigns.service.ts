import { Injectable } from '@nestjs/common';
import { assertNoProblems, type Page } from '@roundtable/platform';
import type { CreateCampaignDto, ListCampaignsQueryDto, UpdateCampaignDto } from '../dto/campaign.dto';
import { CampaignNotDraft, CampaignNotFound, endsBeforeStarts, PublishedCampaignNotFound } from '../errors';
import type { Campaign } from './campaign.entity';
import { CampaignsRepository } from './campaigns.repository';

@Injectable()
export class CampaignsService {
  constructor(private readonly campaigns: CampaignsRepository) {}

  async create(input: CreateCampaignDto): Promise<Campaign> {
    this.assertDatesInOrder(input.startsOn, input.endsOn);
    return this.campaigns.insert({
      title: input.title,
      summary: input.summary,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      evidenceUse: input.evidenceUse,
    });
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign) throw new CampaignNotFound(id);
    return campaign;
  }

  async list(query: ListCampaignsQueryDto): Promise<Page<Campaign>> {
    const [items, total] = await this.campaigns.listNewestFirst(query);
    return { items, total };
  }

  async update(id: string, patch: UpdateCampaignDto): Promise<Campaign> {
    const found = await this.campaigns.change(id, definedOnly(patch), (next) =>
      this.assertDatesInOrder(next.startsOn, next.endsOn),
    );
    if (!found) throw new CampaignNotFound(id);
    return this.get(id);
  }

  async publish(id: string): Promise<Campaign> {
    if (!(await this.campaigns.publishDraft(id))) throw new CampaignNotDraft((await this.get(id)).status);
    return this.get(id);
  }

  /** Anyone may read a published campaign; drafts and closed ones do not exist for the public. */
  async getPublished(id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign || campaign.status !== 'published') throw new PublishedCampaignNotFound(id);
    return campaign;
  }

  private assertDatesInOrder(startsOn: string, endsOn: string): void {
    assertNoProblems(endsOn < startsOn ? [endsBeforeStarts(startsOn, endsOn)] : []);
  }
}

/** The fields a PATCH sent: a left-out field keeps its value. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
