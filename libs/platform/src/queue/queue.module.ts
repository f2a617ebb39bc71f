import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.service';
import { redisOptionsFromUrl } from '../redis/redis-options';

/**
 * BullMQ's shared connection settings, for the worker's queues and processors (registered by the
 * domain that owns them). `maxRetriesPerRequest: null` is what BullMQ workers require, and a
 * worker may wait for Redis to come back. Anything that adds jobs during an HTTP request uses
 * producerQueueOptions instead, which fails fast. The prefix keeps environments (and test files)
 * sharing one Redis apart.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        prefix: config.get('REDIS_PREFIX'),
        connection: { ...redisOptionsFromUrl(config.get('REDIS_URL')), maxRetriesPerRequest: null },
      }),
    }),
  ],
  exports: [BullModule],
})
export class PlatformQueueModule {}
