import type { Provider } from '@nestjs/common';
import { TestimonyMessageFacts } from '../notifications/testimony-message-facts';
import { TestimonyMessages } from '../notifications/testimony-messages';
import { TestimonyReceipts } from '../receipts/testimony-receipts.service';
import { SafeguardingFlags } from '../safeguarding/safeguarding-flags.service';
import { CaseworkRequests } from './casework-requests';
import { IntakeOrigin } from './intake-origin';
import { ReceiptEmailLimit } from './receipt-email-limit';
import { ReceiptLinkKeys, receiptLinkKeysProvider } from './receipt-link-keys';
import { TestimonyIntake } from './testimony-intake.service';

/** How testimony comes in (the form, staff entry), its receipt link and its two emails. */
export const INTAKE_PROVIDERS: Provider[] = [
  receiptLinkKeysProvider,
  IntakeOrigin,
  CaseworkRequests,
  ReceiptEmailLimit,
  TestimonyMessages,
  TestimonyMessageFacts,
  SafeguardingFlags,
  TestimonyIntake,
  TestimonyReceipts,
];

/** What the api's routes and pages, the review routes and the worker's preparer use. */
export const INTAKE_EXPORTS = [
  ReceiptLinkKeys,
  SafeguardingFlags,
  TestimonyIntake,
  TestimonyReceipts,
  TestimonyMessageFacts,
  CaseworkRequests,
];
