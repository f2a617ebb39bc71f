import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { assertNoProblems, hashSecretToken, type RuleBroken } from '@roundtable/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { FieldCipher } from '../encryption/field-cipher';
import { consentNeedsEmail, ReceiptLinkNotFound } from '../errors';
import { CaseworkRequests } from '../intake/casework-requests';
import type { ChangeConsentDto } from '../intake/dto/testimony-consent.dto';
import { ReceiptLinkKeys } from '../intake/receipt-link-keys';
import { TestimonyErasure } from '../testimonies/testimony-erasure.entity';
import { Testimony } from '../testimonies/testimony.entity';
import { Theme } from '../themes/theme.entity';
import { toReceiptView, type ReceiptView } from './receipt.view';

/**
 * What the holder of a receipt link can do: read their submission, change any part of their
 * consent, or erase it. A token of the wrong shape, unknown, erased or made under a rotated-out
 * key is ReceiptLinkNotFound (a 404), the same in every case.
 */
@Injectable()
export class TestimonyReceipts {
  private readonly logger = new Logger(TestimonyReceipts.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly links: ReceiptLinkKeys,
    private readonly cipher: FieldCipher,
    private readonly casework: CaseworkRequests,
    private readonly audit: AuditLog,
  ) {}

  read(token: string): Promise<ReceiptView> {
    return this.dataSource.transaction(async (manager) =>
      this.view(manager, await this.find(manager, token, false)),
    );
  }

  /** Any part left out stays; withdrawing casework removes an open referral, asking again adds one. */
  async changeConsent(token: string, change: ChangeConsentDto): Promise<ReceiptView> {
    return this.dataSource.transaction(async (manager) => {
      const testimony = await this.find(manager, token, true);
      const problems: RuleBroken[] = [];
      if (testimony.email === null && change.contact) problems.push(consentNeedsEmail('contact'));
      if (testimony.email === null && change.casework) problems.push(consentNeedsEmail('casework'));
      assertNoProblems(problems);
      const patch: Partial<Testimony> = {
        ...(change.quote !== undefined && { quoteConsent: change.quote }),
        ...(change.contact !== undefined && { contactConsent: change.contact }),
        ...(change.shareWithAuthority !== undefined && { shareWithAuthority: change.shareWithAuthority }),
        ...(change.casework !== undefined && { caseworkRequested: change.casework }),
      };
      if (Object.keys(patch).length > 0) {
        await manager.getRepository(Testimony).update({ id: testimony.id }, patch);
      }
      if (change.casework === true) await this.casework.request(manager, testimony.id);
      if (change.casework === false) await this.casework.withdraw(manager, testimony.id);
      this.logger.log(`Testimony ${testimony.id}: consent changed through its receipt link`);
      return this.view(manager, await this.find(manager, token, false));
    });
  }

  /**
   * Erases the testimony (its themes, notes and casework referral go with it) and leaves only a
   * count. A pending receipt or alert for it then finds nothing and is not sent.
   */
  async erase(token: string): Promise<void> {
    const id = await this.dataSource.transaction(async (manager) => {
      const testimony = await this.find(manager, token, true);
      await manager.getRepository(Testimony).delete({ id: testimony.id });
      await manager
        .getRepository(TestimonyErasure)
        .insert({ reason: 'request', count: 1, campaignId: testimony.campaignId });
      await this.audit.record(
        { actorId: null, action: 'testimony.erase', subjectType: 'testimony', subjectId: testimony.id },
        manager,
      );
      return testimony.id;
    });
    this.logger.log(`Testimony ${id} erased at its author's request`);
  }

  private async find(manager: EntityManager, token: string, lock: boolean): Promise<Testimony> {
    if (!this.links.hasShape(token)) throw new ReceiptLinkNotFound();
    const testimony = await manager.getRepository(Testimony).findOne({
      where: { receiptTokenHash: hashSecretToken(token) },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!testimony || this.links.isRevoked(testimony.receiptKeyId)) throw new ReceiptLinkNotFound();
    return testimony;
  }

  private async view(manager: EntityManager, testimony: Testimony): Promise<ReceiptView> {
    const [withPlaces] = await manager.getRepository(Testimony).find({
      where: { id: testimony.id },
      relations: { event: true, campaign: true },
    });
    const themes = await manager
      .getRepository(Theme)
      .createQueryBuilder('theme')
      .innerJoin('testimony_themes', 'tag', 'tag.theme_id = theme.id')
      .where('tag.testimony_id = :id', { id: testimony.id })
      .select(['theme.slug', 'theme.name'])
      .orderBy('theme.name')
      .getMany();
    return toReceiptView(
      withPlaces,
      themes.map((theme) => ({ slug: theme.slug, name: theme.name })),
      this.cipher,
    );
  }
}
