import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TS_NODE_ENV } from './ts-node-env';
import { findFreePort } from '../../tools/local/ports';
import { waitUntil } from '../../tools/local/wait';

const ROOT = path.resolve(__dirname, '../..');

/**
 * An embedded Postgres (tools/local/postgres.ts, in a child process: see
 * postgres-process-entry.ts) that one test file starts, stops and starts again on the same port
 * with the same data, to see what the apps do while Postgres is away.
 */
export class OwnPostgres {
  private child: ChildProcess | undefined;
  private adminUrl: string | undefined;

  private constructor(
    private readonly root: string,
    readonly port: number,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const root = await mkdtemp(path.join(tmpdir(), 'rt-own-postgres-'));
    // As root, Postgres runs as user postgres, which must be able to reach the data directory.
    await chmod(root, 0o755);
    const postgres = new OwnPostgres(root, await findFreePort(55_400 + Math.floor(Math.random() * 500)));
    await postgres.start();
    return postgres;
  }

  /** A URL to the `postgres` database, for creating others. */
  get url(): string {
    if (!this.adminUrl) throw new Error('this Postgres has not started');
    return this.adminUrl;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the server (again: same port, same data) and waits until it answers. */
  async start(): Promise<void> {
    if (this.child) throw new Error('this Postgres is already running');
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        'tsconfig-paths/register',
        path.join(__dirname, 'postgres-process-entry.ts'),
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...TS_NODE_ENV,
          RT_POSTGRES_DATA_DIR: path.join(this.root, 'data'),
          RT_POSTGRES_PORT: String(this.port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    await waitUntil('embedded Postgres', async () => /postgres ready \S+/.test(output.join('')), {
      timeoutMs: 90_000,
      intervalMs: 100,
      giveUpIf: () => (child.exitCode !== null ? `exited: ${output.join('')}` : undefined),
    });
    const url = /postgres ready (\S+)/.exec(output.join(''))![1]!;
    if (Number(new URL(url).port) !== this.port)
      throw new Error(`Postgres started on ${new URL(url).port}, not on ${this.port}`);
    this.adminUrl = url;
  }

  /** Shuts the server down (Postgres's fast shutdown: open connections are cut) and waits. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }

  /** Stops the server and deletes its data. */
  async remove(): Promise<void> {
    await this.stop();
    await rm(this.root, { recursive: true, force: true });
  }
}
