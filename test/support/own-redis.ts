import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { findFreePort } from '../../tools/local/ports';
import { pingRedis } from '../../tools/local/redis';
import { waitUntil } from '../../tools/local/wait';

/**
 * A redis-server that one test file starts, stops (politely or by SIGKILL) and starts again on
 * the same port, to see what the apps do while Redis is away. In memory only, with the eviction
 * policy BullMQ requires, as tools/local/redis.ts runs one for `npm start`.
 */
export class OwnRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await findFreePort(6500 + Math.floor(Math.random() * 1000)));
    await redis.start();
    return redis;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on its port, and waits until it answers PING. */
  async start(): Promise<void> {
    if (this.child) throw new Error('this Redis is already running');
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'].concat([
        '--maxmemory-policy',
        'noeviction',
        '--loglevel',
        'warning',
      ]),
      { stdio: 'ignore' },
    );
    this.child = child;
    await waitUntil(
      `redis-server on port ${this.port}`,
      async () => (await pingRedis(this.port)) === '+PONG',
      {
        timeoutMs: 10_000,
        intervalMs: 50,
        giveUpIf: () => (child.exitCode !== null ? `exited with ${child.exitCode}` : undefined),
      },
    );
  }

  /** Stops the server with `signal` and waits until it has gone and its port is closed. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    }
    await waitUntil(`redis-server on port ${this.port} gone`, async () => !(await pingRedis(this.port)), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
  }
}
