import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, RedisService } from '@roundtable/platform';
import { createHmac } from 'node:crypto';

const WINDOW_SECONDS = 24 * 60 * 60;

/**
 * Anyone can submit testimony naming any address, and each named submission emails that address
 * its receipt; so a stranger could flood someone's inbox. This caps receipts per address at
 * TESTIMONY_RECEIPTS_PER_ADDRESS a day. Over the cap the testimony is still taken (the submitter
 * sees their link on the confirmation page); only the email is left out.
 *
 * Counted in Redis under an HMAC of the address (keyed by the current link key), never the
 * address itself, so Redis holds nothing that names a person. With Redis away the receipt is sent:
 * losing a thank-you would hurt more than a brief gap in the cap.
 */
@Injectable()
export class ReceiptEmailLimit {
  private readonly logger = new Logger(ReceiptEmailLimit.name);
  private readonly perAddress: number;
  private readonly key: Buffer;

  constructor(
    private readonly redis: RedisService,
    config: AppConfig,
  ) {
    this.perAddress = config.get('TESTIMONY_RECEIPTS_PER_ADDRESS');
    this.key = config.get('LINK_KEYS')[0].secret;
  }

  /** Counts one receipt for the address; false when it is over the day's cap. */
  async mayEmail(email: string): Promise<boolean> {
    const digest = createHmac('sha256', this.key).update(email.trim().toLowerCase()).digest('base64url');
    const counter = `testimony-receipts:${digest}`;
    try {
      const [[, sent]] = (await this.redis.client
        .multi()
        .incr(counter)
        .expire(counter, WINDOW_SECONDS, 'NX')
        .exec()) as [[Error | null, number]];
      return sent <= this.perAddress;
    } catch (error) {
      this.logger.warn(
        `Receipt cap not checked (Redis: ${error instanceof Error ? error.message : String(error)}); sending`,
      );
      return true;
    }
  }
}
