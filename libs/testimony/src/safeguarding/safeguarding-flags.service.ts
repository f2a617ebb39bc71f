import { Injectable, Logger } from '@nestjs/common';
import type { DueNotification } from '@roundtable/notifications';
import { Clock } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';
import { TestimonyNotFound } from '../errors';
import { TestimonyMessages } from '../notifications/testimony-messages';
import { Testimony } from '../testimonies/testimony.entity';

/**
 * Raising a safeguarding flag: staff raise one (review), the intake screen suggests one. Either
 * way the designated lead is alerted at once, in the same transaction (the ledger row), without
 * the story. The caller enqueues the returned rows after commit.
 */
@Injectable()
export class SafeguardingFlags {
  private readonly logger = new Logger(SafeguardingFlags.name);

  constructor(
    private readonly messages: TestimonyMessages,
    private readonly clock: Clock,
  ) {}

  /**
   * Staff raise a flag on a testimony (also one the screen suggested, which makes it 'raised').
   * Raising one already raised changes nothing and alerts no one again. Throws TestimonyNotFound.
   */
  async raise(manager: EntityManager, testimonyId: string, byUserId: string): Promise<DueNotification[]> {
    const testimony = await manager
      .getRepository(Testimony)
      .findOne({ where: { id: testimonyId }, lock: { mode: 'pessimistic_write' } });
    if (!testimony) throw new TestimonyNotFound(testimonyId);
    if (testimony.safeguardingFlag === 'raised') return [];
    await manager
      .getRepository(Testimony)
      .update({ id: testimonyId }, { safeguardingFlag: 'raised', flaggedAt: this.clock.now() });
    this.logger.log(`Testimony ${testimonyId}: safeguarding flag raised by user ${byUserId}`);
    return this.messages.planSafeguardingAlert(manager, testimonyId, 'raised');
  }

  /** The intake screen matched: the row was written with flag 'suggested'; alert the lead. */
  suggested(manager: EntityManager, testimonyId: string): Promise<DueNotification[]> {
    this.logger.log(`Testimony ${testimonyId}: safeguarding flag suggested by the keyword screen`);
    return this.messages.planSafeguardingAlert(manager, testimonyId, 'suggested');
  }
}
