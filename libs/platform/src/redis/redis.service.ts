import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config.service';
import { failFastRedisOptions } from './redis-options';

/** How long start-up waits for the first connection before carrying on without it. */
const FIRST_CONNECTION_WAIT_MS = 5_000;

/**
 * The apps' own Redis connection (rate limits, sign-in failure counts, health). It fails fast
 * rather than queueing commands while Redis is away, so a request is answered instead of
 * hanging; what a failure means is for the caller to decide.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis;
  private readonly logger = new Logger(RedisService.name);

  constructor(config: AppConfig) {
    this.client = new Redis({
      ...failFastRedisOptions(config.get('REDIS_URL')),
      keyPrefix: `${config.get('REDIS_PREFIX')}:`,
      lazyConnect: false,
    });
    // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
    this.client.on('error', () => undefined);
  }

  /**
   * Without an offline queue, a command sent before the first connection is ready fails; so
   * start-up waits for it (briefly: an api whose Redis is down still starts, and says so at
   * /health).
   */
  async onModuleInit(): Promise<void> {
    if (this.client.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<boolean>((resolve) => {
      this.client.once('ready', () => resolve(true));
      timer = setTimeout(() => resolve(false), FIRST_CONNECTION_WAIT_MS);
    });
    const connected = await ready;
    clearTimeout(timer);
    if (!connected)
      this.logger.warn(`Redis did not answer within ${FIRST_CONNECTION_WAIT_MS} ms of starting`);
  }

  /** Resolves when Redis answers PING; rejects at once while it is away, or after `timeoutMs`. */
  async ping(timeoutMs = 1000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const pong = this.client.ping().catch((error: unknown) => {
      throw new Error(`Redis did not answer: ${error instanceof Error ? error.message : String(error)}`);
    });
    try {
      await Promise.race([pong, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
