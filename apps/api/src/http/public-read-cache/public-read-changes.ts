import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@roundtable/platform';
import { Client } from 'pg';

/** The channel the PublicReadsChanged migration's triggers notify, with the writer's schema. */
export const PUBLIC_READS_CHANNEL = 'roundtable_public_reads';

const RECONNECT_FIRST_MS = 500;
const RECONNECT_MOST_MS = 30_000;

/**
 * What the public pages show changes in Postgres, whoever writes it (this process, another api
 * process, the worker, a migration or a person at psql): statement triggers on the tables they
 * read notify PUBLIC_READS_CHANNEL in the writing transaction, and Postgres delivers it at commit.
 * This holds a connection that LISTENs, and raises `version` on each notification for our schema.
 *
 * While the connection is not listening (not yet open, lost, Postgres restarting) `listening` is
 * false and nothing may be served from the cache: a change could be missed. Each reconnection
 * raises the version too, since notifications sent while it was away are gone.
 */
@Injectable()
export class PublicReadChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicReadChanges.name);
  private client?: Client;
  private schema = 'public';
  private retryMs = RECONNECT_FIRST_MS;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  version = 0;
  listening = false;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.get('PUBLIC_PAGE_CACHE_SECONDS') > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL'),
      application_name: 'roundtable-public-reads',
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.payload === this.schema) this.version += 1;
    });
    client.on('error', (error: Error & { code?: string }) => this.lost(client, error.code ?? error.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    try {
      await client.connect();
      const [{ schema }] = (await client.query<{ schema: string }>('SELECT current_schema() AS schema')).rows;
      this.schema = schema;
      await client.query(`LISTEN ${PUBLIC_READS_CHANNEL}`);
      this.version += 1;
      this.listening = true;
      this.retryMs = RECONNECT_FIRST_MS;
    } catch (error) {
      this.lost(client, (error as { code?: string }).code ?? (error as Error).message);
    }
  }

  private lost(client: Client, why: string): void {
    if (client !== this.client || this.stopped) return;
    this.client = undefined;
    this.listening = false;
    this.version += 1;
    this.logger.warn(`Public page cache off until Postgres is listened to again (${why})`);
    client.end().catch(() => undefined);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MOST_MS);
  }
}
