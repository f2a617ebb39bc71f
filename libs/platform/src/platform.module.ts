import { DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from './clock/clock.module';
import { PlatformConfigModule } from './config/config.module';
import { PlatformDatabaseModule } from './database/database.module';
import { PlatformLoggingModule } from './logging/logging.module';
import { PlatformRequestContextModule } from './logging/request-context.module';
import { PlatformQueueModule } from './queue/queue.module';
import { PlatformRedisModule } from './redis/redis.module';

/** Everything both apps need before any domain code runs: config, logs, clock, Postgres, Redis. */
@Module({})
export class PlatformModule {
  static forRoot(): DynamicModule {
    const config = PlatformConfigModule.forRoot();
    return {
      module: PlatformModule,
      imports: [
        config,
        PlatformRequestContextModule,
        PlatformLoggingModule,
        ClockModule,
        PlatformDatabaseModule,
        PlatformRedisModule,
        PlatformQueueModule,
      ],
      exports: [config, PlatformRequestContextModule, ClockModule, PlatformRedisModule, PlatformQueueModule],
    };
  }
}
