import type { QueueOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config.service';
import { failFastRedisOptions } from '../redis/redis-options';

/**
 * For a Queue that only adds jobs on behalf of a request (the notification outbox): the same
 * Redis and prefix as the workers, on a fail-fast connection, so a request whose commit is done
 * is not held up while Redis is away. The ledger keeps what could not be added, and the sweeper
 * adds it later.
 */
export function producerQueueOptions(config: AppConfig): QueueOptions {
  return {
    prefix: config.get('REDIS_PREFIX'),
    connection: failFastRedisOptions(config.get('REDIS_URL')),
  };
}
