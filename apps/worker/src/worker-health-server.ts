import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, RedisService } from '@roundtable/platform';
import { DataSource } from 'typeorm';

/** How long a health check waits for Postgres or Redis before calling it down. */
const CHECK_TIMEOUT_MS = 1_000;

/**
 * The worker's readiness signal for a supervisor (a process manager, Docker, a benchmark): with
 * WORKER_HEALTH_PORT set, `GET /health` on that port answers 200 once the worker has started (its
 * processors listening, Postgres and Redis answering) and 503 while either is down. It listens
 * only after the application has bootstrapped, so an answer at all means "started". Unset, the
 * worker opens no port.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private server: Server | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.get('WORKER_HEALTH_PORT');
    if (port === undefined) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/health') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not found"}');
        return;
      }
      void this.check().then((body) => {
        const ok = body.postgres === 'up' && body.redis === 'up';
        res
          .writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ status: ok ? 'ok' : 'down', ...body }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.get('WORKER_HEALTH_HOST'), () => resolve());
    });
    this.server = server;
    this.logger.log(`Worker health on http://${this.config.get('WORKER_HEALTH_HOST')}:${this.port}/health`);
  }

  /** The port it listens on (WORKER_HEALTH_PORT=0 picks a free one); undefined when off. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async check(): Promise<{ postgres: 'up' | 'down'; redis: 'up' | 'down' }> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1')),
      withTimeout(this.redis.ping(CHECK_TIMEOUT_MS)),
    ]);
    return { postgres: postgres ? 'up' : 'down', redis: redis ? 'up' : 'down' };
  }
}

/** True when the promise settles well within the timeout. */
async function withTimeout(work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
