import type { Provider } from '@nestjs/common';
import { TestimonyRekey } from '../rekey/testimony-rekey.service';
import { TestimonyRetention } from './testimony-retention.service';

/** Erasure after the retention period (the worker's sweep) and key rotation (the CLI). */
export const PROTECTION_PROVIDERS: Provider[] = [TestimonyRetention, TestimonyRekey];

export const PROTECTION_EXPORTS = [TestimonyRetention, TestimonyRekey];
