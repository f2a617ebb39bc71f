import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UsersService } from '@roundtable/identity';
import type { Page } from '@roundtable/platform';
import { Repository } from 'typeorm';
import type { ListPartnersQueryDto } from '../dto/list-partners-query.dto';
import { PartnerNotFound } from '../errors';
import { Partner } from './partner.entity';
import { toPartnerDetailView, toPartnerView, type PartnerDetailView, type PartnerView } from './partner.view';

/** Staff's reads of partner organisations: the queue (pending first, oldest first) and one in full. */
@Injectable()
export class PartnersDirectory {
  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    private readonly users: UsersService,
  ) {}

  async list(query: ListPartnersQueryDto): Promise<Page<PartnerView>> {
    const builder = this.partners
      .createQueryBuilder('partner')
      .orderBy(`CASE partner.status WHEN 'pending' THEN 0 ELSE 1 END`)
      .addOrderBy('partner.created_at', 'ASC')
      .addOrderBy('partner.id')
      .take(query.limit)
      .skip(query.offset);
    if (query.status) builder.where('partner.status = :status', { status: query.status });
    const [items, total] = await builder.getManyAndCount();
    return { items: items.map(toPartnerView), total };
  }

  async detail(partnerId: string): Promise<PartnerDetailView> {
    const partner = await this.partners.findOneBy({ id: partnerId });
    if (!partner) throw new PartnerNotFound(partnerId);
    return toPartnerDetailView(partner, await this.users.listForPartner(partnerId));
  }
}
