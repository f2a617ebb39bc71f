import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.service';
import { redisOptionsFromUrl } from '../redis/redis-options';

/**
 * BullMQ's shared connection settings. Queues and processors are registered by the domain that
 * owns them. `maxRetriesPerRequest: null` is what BullMQ workers require; the prefix keeps
 * environments (and test files) sharing one Redis apart.
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
