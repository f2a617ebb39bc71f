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

  /**
   * Changes only the given fields, after `check` has seen the row as it will be, all under a row
   * lock: a PATCH racing a publish can neither write the old status back nor pass the date rule
   * against a row that has since changed.
   */
  async change(id: string, fields: Partial<Campaign>, check: (next: Campaign) => void): Promise<boolean> {
    return this.campaigns.manager.transaction(async (manager) => {
      const repository = manager.getRepository(Campaign);
      const current = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) return false;
      check({ ...current, ...fields });
      if (Object.keys(fields).length > 0) await repository.update({ id }, fields);
      return true;
    });
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
