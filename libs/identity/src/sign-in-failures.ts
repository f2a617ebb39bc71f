import { HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig, normaliseEmail, RedisService, RetryLaterException } from '@roundtable/platform';
import { createHash } from 'node:crypto';

/** The window over which failed sign-ins to one account are counted. */
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60_000;

/** Gives back one counted attempt, if the window it was counted in still exists. */
const FORGIVE = "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0";

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

  /**
   * Counts this attempt as a failure before the password is checked, and throws a 429 with
   * Retry-After when the address has used up its failures. Counting first is what makes the
   * limit hold against guesses sent in parallel: each takes its number atomically, so at most
   * LOGIN_ACCOUNT_FAILURE_LIMIT passwords are checked per window, however many arrive at once.
   * A sign-in that succeeds gives its attempt back (`forgive`).
   */
  async countAttempt(email: string): Promise<void> {
    const key = this.key(email);
    const [, attempt, msLeft] = await this.run(
      this.redis.client.multi().set(key, 0, 'PX', SIGN_IN_FAILURE_WINDOW_MS, 'NX').incr(key).pttl(key),
    );
    if (Number(attempt) <= this.config.get('LOGIN_ACCOUNT_FAILURE_LIMIT')) return;
    const minutes = Math.max(1, Math.ceil(Number(msLeft) / 60_000));
    throw new RetryLaterException(
      HttpStatus.TOO_MANY_REQUESTS,
      `too many failed sign-ins for this email address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      Math.max(1, Math.ceil(Number(msLeft) / 1000)),
    );
  }

  /** The attempt counted by `countAttempt` succeeded: it is not a failure. */
  async forgive(email: string): Promise<void> {
    const key = this.key(email);
    // Only while the window lasts: DECR on a key that expired meanwhile would start a bare one.
    await this.run(this.redis.client.multi().eval(FORGIVE, 1, key));
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
