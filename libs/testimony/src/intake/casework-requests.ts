import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseworkReferral } from '../testimonies/casework-referral.entity';

/**
 * "Please take this up as casework", asked for and withdrawn. Runs in the caller's transaction,
 * with the consent change it follows. Only an open referral is removed on withdrawal: one a
 * caseworker has started stays for them to close (the request itself is recorded as withdrawn).
 */
@Injectable()
export class CaseworkRequests {
  request(manager: EntityManager, testimonyId: string): Promise<void> {
    return this.requestAll(manager, [testimonyId]);
  }

  /** One statement for many (a survey import's rows); a testimony already referred is left as it is. */
  async requestAll(manager: EntityManager, testimonyIds: readonly string[]): Promise<void> {
    if (testimonyIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseworkReferral)
      .values(testimonyIds.map((testimonyId) => ({ testimonyId })))
      .orIgnore()
      .execute();
  }

  async withdraw(manager: EntityManager, testimonyId: string): Promise<void> {
    await manager.getRepository(CaseworkReferral).delete({ testimonyId, status: 'open' });
  }
}
