import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Campaign } from './campaign.entity';

@Injectable()
export class CampaignsRepository {
  constructor(@InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>) {}

  findById(id: string): Promise<Campaign | null> {
    return this.campaigns.findOneBy({ id });
  }

  insert(values: Partial<Campaign>): Promise<Campaign> {
    return this.campaigns.save(this.campaigns.create(values));
  }

  save(campaign: Campaign): Promise<Campaign> {
    return this.campaigns.save(campaign);
  }

  /** Newest campaign first: the one being planned is the one staff look for. */
  listNewestFirst(search: { status?: string; limit: number; offset: number }): Promise<[Campaign[], number]> {
    return this.campaigns.findAndCount({
      where: search.status ? { status: search.status as Campaign['status'] } : {},
      order: { startsOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: search.limit,
      skip: search.offset,
    });
  }

  /** Publishes only a draft, in one statement, so two publishes at once cannot both succeed. */
  async publishDraft(id: string): Promise<boolean> {
    const result = await this.campaigns.update({ id, status: 'draft' }, { status: 'published' });
    return (result.affected ?? 0) === 1;
  }
}
