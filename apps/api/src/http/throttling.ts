import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig, RedisService } from '@roundtable/platform';

export const PUBLIC_THROTTLE = 'public';
export const LOGIN_THROTTLE = 'login';

/**
 * Rate limits kept in Redis, so they hold across every api process. Routes opt in with
 * ThrottlerGuard: `public` for anonymous routes, `login` (much tighter) for sign-in, against
 * password guessing.
 */
export const throttling = ThrottlerModule.forRootAsync({
  inject: [AppConfig, RedisService],
  useFactory: (config: AppConfig, redis: RedisService) => ({
    throttlers: [
      { name: PUBLIC_THROTTLE, ttl: 60_000, limit: config.get('PUBLIC_RATE_LIMIT') },
      { name: LOGIN_THROTTLE, ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT') },
    ],
    storage: new ThrottlerStorageRedisService(redis.client),
  }),
});

/** Anonymous routes: a generous per-address limit, counted apart from sign-in attempts. */
export const PublicRateLimit = () =>
  applyDecorators(UseGuards(ThrottlerGuard), SkipThrottle({ [LOGIN_THROTTLE]: true }));

/** Sign-in: a tight per-address limit against password guessing. */
export const LoginRateLimit = () =>
  applyDecorators(
    UseGuards(ThrottlerGuard),
    SkipThrottle({ [PUBLIC_THROTTLE]: true }),
    ApiTooManyRequestsResponse({ description: 'Too many attempts from this address; wait a minute.' }),
  );
