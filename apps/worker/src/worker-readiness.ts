import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RedisService } from '@roundtable/platform';
import { DataSource } from 'typeorm';

/** Refuses to report ready until Postgres and Redis both answer; logs the shutdown it was given. */
@Injectable()
export class WorkerReadiness implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query('SELECT 1');
    await this.redis.ping(5000);
    this.logger.log('Worker ready: connected to Postgres and Redis');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`Worker stopped${signal ? ` on ${signal}` : ''}`);
  }
}
