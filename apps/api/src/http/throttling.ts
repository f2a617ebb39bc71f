import {
  applyDecorators,
  HttpStatus,
  Injectable,
  Logger,
  UseGuards,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  SkipThrottle,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig, RedisService, RetryLaterException } from '@roundtable/platform';
import { createHash } from 'node:crypto';

export const PUBLIC_THROTTLE = 'public';
export const LOGIN_THROTTLE = 'login';

const TOO_MANY_REQUESTS = 'too many requests: wait a minute, then try again';

/** The rate-limit counters could not be read or written: Redis is away or did not answer. */
export class RateLimitStoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`rate-limit counters unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The Redis storage, with its failures told apart from everything else the guard can throw. */
class RedisRateLimitStore implements ThrottlerStorage {
  constructor(private readonly redis: ThrottlerStorageRedisService) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    try {
      return await this.redis.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      throw new RateLimitStoreUnavailable(error);
    }
  }
}

/**
 * One sign-in budget per address, whichever door it knocks on: the API login and the sign-in
 * page share a key (the library's default key names the controller and handler, which would give
 * each door a budget of its own). Hashed, so client addresses are not kept in Redis as they are.
 */
function signInKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
  return createHash('sha256').update(`${throttlerName}:${tracker}`).digest('hex');
}

/**
 * Rate limits kept in Redis, so they hold across every api process. Routes opt in with
 * RateLimitGuard: `public` for anonymous routes, `login` (much tighter) for sign-in, against
 * password guessing. (Sign-in also has a per-account limit: see SignInFailures.)
 */
export const throttling = ThrottlerModule.forRootAsync({
  inject: [AppConfig, RedisService],
  useFactory: (config: AppConfig, redis: RedisService) => ({
    throttlers: [
      { name: PUBLIC_THROTTLE, ttl: 60_000, limit: config.get('PUBLIC_RATE_LIMIT') },
      {
        name: LOGIN_THROTTLE,
        ttl: 60_000,
        limit: config.get('LOGIN_RATE_LIMIT'),
        generateKey: signInKey,
      },
    ],
    storage: new RedisRateLimitStore(new ThrottlerStorageRedisService(redis.client)),
  }),
});

/**
 * ThrottlerGuard with two decisions of ours:
 * - every 429 carries the standard Retry-After header (the library sends only a non-standard
 *   `Retry-After-<throttler>`);
 * - while Redis is away, public routes fail open (registering and reading events stay possible;
 *   what they cost is capped elsewhere, in Postgres) and sign-in fails closed with a 503, because
 *   unmetered password guessing is worse than a short sign-in outage.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly outageLogger = new Logger(RateLimitGuard.name);
  private countingFailed = false;

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      const allowed = await super.handleRequest(request);
      this.countingFailed = false;
      return allowed;
    } catch (error) {
      if (!(error instanceof RateLimitStoreUnavailable)) throw error;
      if (!this.countingFailed) {
        this.outageLogger.warn(`${error.message}: public routes unmetered, sign-in refused until it is back`);
        this.countingFailed = true;
      }
      if (request.throttler.name === LOGIN_THROTTLE) {
        throw RetryLaterException.unavailable('sign-in is briefly unavailable: try again in a few seconds');
      }
      return true;
    }
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RetryLaterException(
      HttpStatus.TOO_MANY_REQUESTS,
      TOO_MANY_REQUESTS,
      Math.max(1, detail.timeToBlockExpire),
    );
  }
}

/** Anonymous routes: a generous per-address limit, counted apart from sign-in attempts. */
export const PublicRateLimit = () =>
  applyDecorators(
    UseGuards(RateLimitGuard),
    SkipThrottle({ [LOGIN_THROTTLE]: true }),
    ApiTooManyRequestsResponse({
      description: 'Too many requests from this address; Retry-After says when to try again.',
    }),
  );

/** Sign-in: a tight per-address limit against password guessing. */
export const LoginRateLimit = () =>
  applyDecorators(
    UseGuards(RateLimitGuard),
    SkipThrottle({ [PUBLIC_THROTTLE]: true }),
    ApiTooManyRequestsResponse({
      description:
        'Too many attempts from this address, or for this account; Retry-After says when to try again.',
    }),
    ApiServiceUnavailableResponse({
      description:
        'Sign-in is refused while its attempt counters (Redis) are unavailable; Retry-After says when to try again.',
    }),
  );
