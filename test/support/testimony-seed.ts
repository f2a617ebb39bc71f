import { validateEnv } from '@roundtable/platform';
import { FieldCipher, ReceiptLinkKeys, TestimonyWriter } from '@roundtable/testimony';
import type { DataSource } from 'typeorm';

/**
 * One anonymous public testimony written as the intake writes it (sealed under this test file's
 * TESTIMONY_KEYS, its receipt link derived under LINK_KEYS), with the token of its receipt link.
 */
export async function seedTestimonyWithReceipt(
  dataSource: DataSource,
): Promise<{ testimonyId: string; receiptToken: string }> {
  const env = validateEnv(process.env);
  const links = new ReceiptLinkKeys(env.LINK_KEYS);
  const writer = new TestimonyWriter(FieldCipher.fromConfiguredKeys(env.TESTIMONY_KEYS));
  const seed = links.newSeed();
  const [testimonyId] = await writer.insert(dataSource.manager, [
    {
      source: 'public',
      role: 'parent-carer',
      area: 'halesowen-north',
      onBehalfOfYoungPerson: false,
      assessmentWaitWeeks: null,
      planWaitWeeks: 40,
      deadline: 'missed',
      tribunal: null,
      ageBand: null,
      schoolPhase: null,
      quoteConsent: 'count-only',
      contactConsent: false,
      shareWithAuthority: false,
      caseworkRequested: false,
      story: 'We waited 40 weeks for the plan.',
      themeIds: [],
      receiptNonce: seed.nonce,
      receiptKeyId: seed.keyId,
      receiptTokenHash: seed.tokenHash,
    },
  ]);
  return { testimonyId: testimonyId!, receiptToken: links.tokenFor(seed) };
}
