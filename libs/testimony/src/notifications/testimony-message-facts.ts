import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../encryption/field-cipher';
import { ReceiptLinkKeys } from '../intake/receipt-link-keys';
import type { SafeguardingFlag } from '../testimonies/testimony-vocabulary';
import { EMAIL_SEALED, Testimony } from '../testimonies/testimony.entity';

/** What the worker needs to send a message about a testimony, read as the row is now. */
export interface TestimonyMessageFactsView {
  testimonyId: string;
  /** The author's address, opened; null when they gave none. */
  email: string | null;
  /** Their receipt link's token; null when it cannot be derived (its key rotated out). */
  receiptToken: string | null;
  campaign: { title: string; evidenceUse: string } | null;
  safeguardingFlag: SafeguardingFlag | null;
}

/** Reads a testimony for its messages; null when it was erased (the message is then stale). */
@Injectable()
export class TestimonyMessageFacts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly links: ReceiptLinkKeys,
  ) {}

  async forMessage(testimonyId: string): Promise<TestimonyMessageFactsView | null> {
    const testimony = await this.dataSource
      .getRepository(Testimony)
      .findOne({ where: { id: testimonyId }, relations: { campaign: true } });
    if (!testimony) return null;
    const seed = { nonce: testimony.receiptNonce, keyId: testimony.receiptKeyId };
    return {
      testimonyId,
      email: EMAIL_SEALED.open(this.cipher, testimonyId, testimony.email),
      receiptToken: this.links.canDerive(seed) ? this.links.tokenFor(seed) : null,
      campaign: testimony.campaign
        ? { title: testimony.campaign.title, evidenceUse: testimony.campaign.evidenceUse }
        : null,
      safeguardingFlag: testimony.safeguardingFlag,
    };
  }
}
