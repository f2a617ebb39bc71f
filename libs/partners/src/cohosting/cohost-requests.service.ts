import { Injectable, Logger } from '@nestjs/common';
import { EventEntity } from '@roundtable/events';
import { AuditLog, type User } from '@roundtable/identity';
import { NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { Clock, isUniqueViolation, type Page } from '@roundtable/platform';
import { EventAnnouncementsService } from '@roundtable/registrations';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AlreadyCohosting,
  CohostEventNotFound,
  CohostEventNotOpen,
  CohostRequestAlreadyDecided,
  CohostRequestNotFound,
  CohostRequestPending,
  PartnerNotActive,
} from '../errors';
import { Partner } from '../partners/partner.entity';
import { approvedPartnerOrFail, insertCohost } from './cohost-partners';
import { CohostRequest, type CohostRequestStatus } from './cohost-request.entity';
import { CohostRequestMessages } from './cohost-request-messages';
import type { CohostRequestView } from './cohost.view';
import type { AskToCohostDto, ListCohostRequestsQueryDto } from './dto/cohosting.dto';
import { CohostsReader } from './cohosts.reader';

/**
 * A partner asks to co-host a published event still to come; staff accept (the partner becomes a
 * co-host, which is an event update for everyone registered) or decline, with a reason if they
 * like. Staff are told of each request and the partner's users of each answer, through the ledger.
 */
@Injectable()
export class CohostRequestsService {
  private readonly logger = new Logger(CohostRequestsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly announcements: EventAnnouncementsService,
    private readonly reader: CohostsReader,
    private readonly messages: CohostRequestMessages,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async ask(user: User, input: AskToCohostDto): Promise<CohostRequestView> {
    let due: DueNotification[] = [];
    const id = await this.inTransaction(input.eventId, async (manager) => {
      const partner = await this.partnerOf(manager, user);
      const event = await manager.getRepository(EventEntity).findOneBy({ id: input.eventId });
      if (!event || event.publishedAt === null) throw new CohostEventNotFound(input.eventId);
      if (event.status === 'cancelled') throw new CohostEventNotOpen(event.id, 'cancelled');
      if (event.startsAt <= this.clock.now()) throw new CohostEventNotOpen(event.id, 'started');
      const cohosting: unknown[] = await manager.query(
        'SELECT 1 FROM event_cohosts WHERE event_id = $1 AND partner_id = $2',
        [event.id, partner.id],
      );
      if (cohosting.length > 0) throw new AlreadyCohosting(event.id);
      const request = await manager.getRepository(CohostRequest).save({
        eventId: event.id,
        partnerId: partner.id,
        requestedById: user.id,
        message: input.message,
        status: 'pending' as const,
      });
      due = await this.messages.planRequested(manager, request);
      return request.id;
    });
    await this.outbox.enqueue(due);
    this.logger.log(`Co-host request ${id} made for event ${input.eventId}`);
    return this.get(id);
  }

  /** Staff's list, newest first; `status` narrows it (the staff page shows pending). */
  list(query: ListCohostRequestsQueryDto): Promise<Page<CohostRequestView>> {
    return this.search(query, {});
  }

  /** The partner's own requests, whatever their status, newest first. */
  async listOwn(user: User, query: ListCohostRequestsQueryDto): Promise<Page<CohostRequestView>> {
    const partner = await this.partnerOf(this.dataSource.manager, user);
    return this.search(query, { partnerId: partner.id });
  }

  /** Accepting makes the partner a co-host: an event update for everyone, in the same transaction. */
  async accept(id: string, actorId: string): Promise<CohostRequestView> {
    const request = await this.findOrFail(id);
    let due: DueNotification[] = [];
    await this.announcements.changeAround(request.eventId, async (manager) => {
      const locked = await this.lockPending(manager, id);
      await approvedPartnerOrFail(manager, locked.partnerId);
      const previousCohosts = await this.reader.namesFor(locked.eventId, manager);
      const changed = await insertCohost(manager, locked.eventId, locked.partnerId, actorId);
      await this.decide(manager, locked, 'accepted', actorId, null);
      due = await this.messages.planAnswer(manager, locked);
      return { changed, previous: { previousCohosts }, result: undefined };
    });
    await this.outbox.enqueue(due);
    return this.get(id);
  }

  async decline(id: string, reason: string | undefined, actorId: string): Promise<CohostRequestView> {
    let due: DueNotification[] = [];
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockPending(manager, id);
      await this.decide(manager, locked, 'declined', actorId, reason?.trim() || null);
      due = await this.messages.planAnswer(manager, locked);
    });
    await this.outbox.enqueue(due);
    return this.get(id);
  }

  async get(id: string): Promise<CohostRequestView> {
    const page = await this.search({ limit: 1, offset: 0 }, { id });
    if (!page.items[0]) throw new CohostRequestNotFound(id);
    return page.items[0];
  }

  private async decide(
    manager: EntityManager,
    request: CohostRequest,
    status: Exclude<CohostRequestStatus, 'pending'>,
    actorId: string,
    reason: string | null,
  ): Promise<void> {
    Object.assign(request, {
      status,
      decidedById: actorId,
      decidedAt: this.clock.now(),
      declineReason: reason,
    });
    await manager.getRepository(CohostRequest).save(request);
    await this.audit.record(
      {
        actorId,
        action: status === 'accepted' ? 'cohost-request.accept' : 'cohost-request.decline',
        subjectType: 'cohost-request',
        subjectId: request.id,
        detail: { eventId: request.eventId, partnerId: request.partnerId },
      },
      manager,
    );
  }

  private async findOrFail(id: string): Promise<CohostRequest> {
    const request = await this.dataSource.getRepository(CohostRequest).findOneBy({ id });
    if (!request) throw new CohostRequestNotFound(id);
    return request;
  }

  /** The request, locked; a 409 when it was already answered (by someone else meanwhile too). */
  private async lockPending(manager: EntityManager, id: string): Promise<CohostRequest> {
    const request = await manager
      .getRepository(CohostRequest)
      .createQueryBuilder('request')
      .setLock('pessimistic_write')
      .where('request.id = :id', { id })
      .getOne();
    if (!request) throw new CohostRequestNotFound(id);
    if (request.status !== 'pending') throw new CohostRequestAlreadyDecided(id, request.status);
    return request;
  }

  /** The signed-in partner user's organisation, which must be approved to act. */
  private async partnerOf(manager: EntityManager, user: User): Promise<Partner> {
    const partner = user.partnerId
      ? await manager.getRepository(Partner).findOneBy({ id: user.partnerId })
      : null;
    if (!partner || partner.status !== 'approved') throw new PartnerNotActive();
    return partner;
  }

  private async search(
    query: Pick<ListCohostRequestsQueryDto, 'limit' | 'offset' | 'status'>,
    where: { id?: string; partnerId?: string },
  ): Promise<Page<CohostRequestView>> {
    const builder = this.dataSource
      .getRepository(CohostRequest)
      .createQueryBuilder('request')
      .innerJoinAndSelect('request.event', 'event')
      .innerJoinAndSelect('request.partner', 'partner')
      .orderBy('request.createdAt', 'DESC')
      .addOrderBy('request.id');
    if (where.id) builder.andWhere('request.id = :id', { id: where.id });
    if (where.partnerId) builder.andWhere('request.partnerId = :partnerId', { partnerId: where.partnerId });
    if (query.status) builder.andWhere('request.status = :status', { status: query.status });
    const [rows, total] = await builder.take(query.limit).skip(query.offset).getManyAndCount();
    return { items: rows.map(toView), total };
  }

  /** One pending request per partner and event: the unique index has the last word on a race. */
  private async inTransaction<T>(eventId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new CohostRequestPending(eventId);
      throw error;
    }
  }
}

function toView(request: CohostRequest): CohostRequestView {
  return {
    id: request.id,
    eventId: request.eventId,
    eventTitle: request.event!.title,
    eventStartsAt: request.event!.startsAt.toISOString(),
    partnerId: request.partnerId,
    partnerName: request.partner!.name,
    message: request.message,
    status: request.status,
    declineReason: request.declineReason,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    createdAt: request.createdAt.toISOString(),
  };
}
