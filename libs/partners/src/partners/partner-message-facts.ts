import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { areaLabel } from '@roundtable/events';
import type { PartnerFacts } from '@roundtable/notifications';
import { Repository } from 'typeorm';
import { Partner, type PartnerStatus } from './partner.entity';

/** What the worker needs to send a message about a partner, read as the row is now. */
export interface PartnerMessageFactsView extends PartnerFacts {
  status: PartnerStatus;
  contactEmail: string;
}

/** Reads a partner organisation for its messages; null when there is none. */
@Injectable()
export class PartnerMessageFacts {
  constructor(@InjectRepository(Partner) private readonly partners: Repository<Partner>) {}

  async forMessage(partnerId: string): Promise<PartnerMessageFactsView | null> {
    const partner = await this.partners.findOneBy({ id: partnerId });
    if (!partner) return null;
    return {
      id: partner.id,
      name: partner.name,
      contactName: partner.contactName,
      contactEmail: partner.contactEmail,
      charityNumber: partner.charityNumber,
      areas: partner.areas.map(areaLabel),
      rejectionReason: partner.rejectionReason,
      status: partner.status,
    };
  }
}
