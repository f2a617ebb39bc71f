import { HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig, normaliseEmail, RedisService, RetryLaterException } from '@roundtable/platform';
import { createHash } from 'node:crypto';

/** The window over which failed sign-ins to one account are counted. */
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60_000;

const UNAVAILABLE = 'sign-in is briefly unavailable: try again in a few seconds';

/**
 * The per-account half of the limit on password guessing (the per-address half is the `login`
 * rate limit): after LOGIN_ACCOUNT_FAILURE_LIMIT failed sign-ins to one address within 15
 * minutes, from anywhere, that address is refused until the window ends, even with the right
 * password. Counted by the address attempted, whether or not an account has it, so the answer
 * never tells a guesser which addresses exist. Kept in Redis under a hash of the address, so no
 * address is stored there as typed. Without Redis, sign-in is refused (503), not unmetered.
 */
@Injectable()
export class SignInFailures {
  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  /** Throws a 429 with Retry-After while the address has used up its failures. */
  async refuseIfLocked(email: string): Promise<void> {
    const key = this.key(email);
    const [failures, msLeft] = await this.run(this.redis.client.multi().get(key).pttl(key));
    if (Number(failures ?? 0) < this.config.get('LOGIN_ACCOUNT_FAILURE_LIMIT')) return;
    const minutes = Math.max(1, Math.ceil(Number(msLeft) / 60_000));
    throw new RetryLaterException(
      HttpStatus.TOO_MANY_REQUESTS,
      `too many failed sign-ins for this email address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      Math.max(1, Math.ceil(Number(msLeft) / 1000)),
    );
  }

  /** Counts one failure; the first in a window starts the window. */
  async record(email: string): Promise<void> {
    const key = this.key(email);
    await this.run(this.redis.client.multi().set(key, 0, 'PX', SIGN_IN_FAILURE_WINDOW_MS, 'NX').incr(key));
  }

  private key(email: string): string {
    return `sign-in-failures:${createHash('sha256').update(normaliseEmail(email)).digest('hex')}`;
  }

  /** Runs a transaction and returns its replies; any failure of Redis is a 503. */
  private async run(transaction: ReturnType<RedisService['client']['multi']>): Promise<unknown[]> {
    const replies = await transaction.exec().catch(() => null);
    if (!replies || replies.some(([error]) => error)) throw RetryLaterException.unavailable(UNAVAILABLE);
    return replies.map(([, reply]) => reply);
  }
}
