import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { DataSource } from 'typeorm';
import { CaseworkReferralNotFound } from '../errors';
import { CaseworkReferral, type CaseworkStatus } from '../testimonies/casework-referral.entity';
import type { RespondentRole } from '../testimonies/testimony-vocabulary';
import type { ListCaseworkQueryDto } from './casework-queue.dto';

/** A referral as the caseworkers' queue shows it: no story, no name, no address. */
export interface CaseworkItem {
  id: string;
  status: CaseworkStatus;
  createdAt: Date;
  updatedAt: Date;
  testimony: {
    id: string;
    submittedAt: Date;
    role: RespondentRole;
    area: string | null;
    /** Whether the person agreed to be contacted: a caseworker opens the testimony for the details. */
    contactConsent: boolean;
  };
}

/** "Please take this up as casework": the queue, open referrals first, oldest first within each. */
@Injectable()
export class CaseworkQueueService {
  private readonly logger = new Logger(CaseworkQueueService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(
    query: ListCaseworkQueryDto,
    actorId: string,
  ): Promise<{ items: CaseworkItem[]; total: number }> {
    return this.dataSource.transaction(async (manager) => {
      const builder = manager
        .getRepository(CaseworkReferral)
        .createQueryBuilder('referral')
        .innerJoinAndSelect('referral.testimony', 'testimony')
        .orderBy(`CASE referral.status WHEN 'open' THEN 0 WHEN 'in-progress' THEN 1 ELSE 2 END`, 'ASC')
        .addOrderBy('referral.createdAt', 'ASC')
        .addOrderBy('referral.id', 'ASC')
        // One testimony per referral, so a plain LIMIT pages correctly (take/skip would not order by CASE).
        .limit(query.limit)
        .offset(query.offset);
      if (query.status) builder.where('referral.status = :status', { status: query.status });
      const [referrals, total] = await builder.getManyAndCount();
      await this.audit.record(
        {
          actorId,
          action: 'casework.list',
          subjectType: 'casework_referral',
          detail: { status: query.status ?? null, count: referrals.length, total },
        },
        manager,
      );
      return { items: referrals.map(toCaseworkItem), total };
    });
  }

  /** Moves a referral along the queue (open, in progress, closed). */
  async setStatus(id: string, status: CaseworkStatus, actorId: string): Promise<CaseworkItem> {
    const item = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CaseworkReferral);
      const referral = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!referral) throw new CaseworkReferralNotFound(id);
      const from = referral.status;
      referral.status = status;
      await repository.save(referral);
      await this.audit.record(
        {
          actorId,
          action: 'casework.update',
          subjectType: 'casework_referral',
          subjectId: id,
          detail: { from, to: status, testimonyId: referral.testimonyId },
        },
        manager,
      );
      const saved = await repository.findOneOrFail({ where: { id }, relations: { testimony: true } });
      return toCaseworkItem(saved);
    });
    this.logger.log(`Casework referral ${id} set to ${status} by ${actorId}`);
    return item;
  }
}

function toCaseworkItem(referral: CaseworkReferral): CaseworkItem {
  const testimony = referral.testimony!;
  return {
    id: referral.id,
    status: referral.status,
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
    testimony: {
      id: testimony.id,
      submittedAt: testimony.submittedAt,
      role: testimony.role,
      area: testimony.area,
      contactConsent: testimony.contactConsent,
    },
  };
}
