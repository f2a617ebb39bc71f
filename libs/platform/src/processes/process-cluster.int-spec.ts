import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TS_NODE_ENV } from '../../../../test/support/ts-node-env';

const ROOT = path.resolve(__dirname, '../../../..');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: string[];
  exit: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', path.join(__dirname, 'cluster-fixture.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, ...TS_NODE_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exit };
}

async function until(condition: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** runInProcesses with real processes: a shared port, a replaced crash, a failed start, a clean stop. */
describe('runInProcesses', () => {
  it('runs two processes on one port, replaces one that dies, and stops both on SIGTERM', async () => {
    const port = await freePort();
    const app = run({ FIXTURE_PROCESSES: '2', PORT: String(port) });
    try {
      const listening = () => app.output.join('').match(/fixture (\d+) listening/g) ?? [];
      await until(() => listening().length === 2);
      const pids = new Set<string>();
      await until(async () => {
        pids.add(
          await (await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } })).text(),
        );
        return pids.size === 2;
      });
      expect(pids.has(String(app.child.pid))).toBe(false);

      // Past the start-up window a death is a crash to recover from: a third process takes its place.
      await new Promise((resolve) => setTimeout(resolve, 15_500));
      process.kill(Number([...pids][0]), 'SIGKILL');
      await until(() => listening().length === 3);
      expect(app.output.join('')).toContain('starting another');

      app.child.kill('SIGTERM');
      await expect(app.exit).resolves.toBe(0);
    } finally {
      app.child.kill('SIGKILL');
    }
  }, 120_000);

  it('stops everything, with the failure, when the processes cannot start', async () => {
    const app = run({ FIXTURE_PROCESSES: '2', FIXTURE_FAIL: '1', PORT: String(await freePort()) });
    await expect(app.exit).resolves.toBe(1);
    expect(app.output.join('')).toContain('fixture refused to start');
    expect(app.output.join('')).toContain('could not start');
  }, 60_000);

  it('runs in this very process when asked for one', async () => {
    const port = await freePort();
    const app = run({ FIXTURE_PROCESSES: '1', PORT: String(port) });
    try {
      await until(() => app.output.join('').includes('listening'));
      await expect((await fetch(`http://127.0.0.1:${port}/`)).text()).resolves.toBe(String(app.child.pid));
    } finally {
      app.child.kill('SIGTERM');
    }
    await app.exit;
  }, 60_000);
});
