import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RequestContext } from '@roundtable/platform';
import { EntityManager, Repository } from 'typeorm';
import { AuditRangeOutOfOrder } from '../errors';
import type { AuditAction } from './audit-actions';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  /** The signed-in user, or null for the system (the worker's retention sweep). */
  actorId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  /** Ids and counts only. */
  detail?: AuditEntry['detail'];
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Writes and lists the audit log. Pass the transaction's manager so the entry commits with the change. */
@Injectable()
export class AuditLog {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly context: RequestContext,
  ) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntry) : this.entries;
    await repository.insert({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      detail: entry.detail ?? {},
      requestId: this.context.requestId,
    });
  }

  /** Newest first; ties in time by id, so pages neither repeat nor skip an entry. */
  async list(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    // `to` is exclusive: a range ending at or before its start is a mistake, not an empty answer.
    if (query.from && query.to && query.to.getTime() <= query.from.getTime())
      throw new AuditRangeOutOfOrder(query.from.toISOString(), query.to.toISOString());
    const builder = this.entries
      .createQueryBuilder('entry')
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id');
    if (query.actorId) builder.andWhere('entry.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.from) builder.andWhere('entry.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('entry.at < :to', { to: query.to });
    const [items, total] = await builder.take(query.limit).skip(query.offset).getManyAndCount();
    return { items, total };
  }
}
