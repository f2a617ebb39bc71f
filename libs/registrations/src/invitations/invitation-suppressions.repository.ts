import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { addressHash } from './address-hash';
import { InvitationSuppression, type SuppressionSource } from './invitation-suppression.entity';

/** The unsubscribe list's SQL: adding an address, and asking which addresses are on it. */
@Injectable()
export class InvitationSuppressionsRepository {
  constructor(
    @InjectRepository(InvitationSuppression)
    private readonly suppressions: Repository<InvitationSuppression>,
  ) {}

  /** Adds the address; asking twice keeps the first row (its date and source). */
  async suppress(manager: EntityManager, email: string, source: SuppressionSource): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(InvitationSuppression)
      .values({ addressHash: addressHash(email), source })
      .orIgnore()
      .execute();
  }

  async isSuppressed(email: string, manager?: EntityManager): Promise<boolean> {
    return (manager ?? this.suppressions.manager)
      .getRepository(InvitationSuppression)
      .existsBy({ addressHash: addressHash(email) });
  }

  /** Of these address hashes, the ones on the list (one query for any number). */
  async suppressedAmong(manager: EntityManager, hashes: string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows: Array<{ address_hash: string }> = await manager.query(
      'SELECT address_hash FROM invitation_suppressions WHERE address_hash = ANY($1::text[])',
      [hashes],
    );
    return new Set(rows.map((row) => row.address_hash));
  }
}
