import { spawn } from 'node:child_process';
import path from 'node:path';
import type { NotificationJobPolicy } from '@roundtable/notifications';
import { waitUntil } from '../../tools/local/wait';
import { TS_NODE_ENV } from './ts-node-env';

export interface WorkerProcess {
  pid: number;
  /** What the process wrote, for a failing test's message. */
  output: string[];
  /** Resolves with the signal or exit code once the process has ended. */
  exited: Promise<string>;
  /** Whether it has ended yet. */
  readonly running: boolean;
  /** SIGTERM, as an orchestrator stopping the worker sends. */
  terminate(): void;
  /** SIGKILL: no shutdown hook runs, jobs in flight keep their locks, claims stay taken. */
  kill(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * The worker module in a child process, with the test's job policy (see worker-process-entry.ts),
 * so a test can kill it the way a crash or an OOM kill would, which no in-process close can.
 */
export function spawnWorkerProcess(
  env: Record<string, string>,
  policy: NotificationJobPolicy,
): Promise<WorkerProcess> {
  return start(
    path.join(__dirname, 'worker-process-entry.ts'),
    { ...env, RT_TEST_JOB_POLICY: JSON.stringify(policy) },
    'worker-process ready',
  );
}

/** apps/worker/src/main.ts itself, as production starts it (with its shutdown hooks). */
export function spawnWorkerMain(env: Record<string, string>): Promise<WorkerProcess> {
  // pino's JSON lines are the only sign main.ts gives that it is ready.
  return start(path.join(ROOT, 'apps/worker/src/main.ts'), { ...env, LOG_LEVEL: 'info' }, 'Worker ready');
}

/**
 * apps/api/src/main.ts itself, as production starts it, so a test can read the log lines it
 * writes. Ready when its log says Nest has started (the caller picks the port, in env.PORT).
 */
export function spawnApiMain(env: Record<string, string>): Promise<WorkerProcess> {
  return start(path.join(ROOT, 'apps/api/src/main.ts'), env, 'Nest application successfully started');
}

/** Runs a TypeScript entry with ts-node (SWC, path aliases) and waits for it to say `ready`. */
async function start(entry: string, env: Record<string, string>, ready: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      // One process, so the test's signals and log lines are that process's (process-cluster has its own test).
      API_PROCESSES: '1',
      WORKER_PROCESSES: '1',
      ...env,
      ...TS_NODE_ENV,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let ended: string | undefined;
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = signal ?? `code ${code}`;
      resolve(ended);
    }),
  );
  await waitUntil(
    `the worker process (${path.basename(entry)})`,
    async () => output.join('').includes(ready),
    {
      // ts-node compiles the whole app on start: on a busy 2-core machine that takes a minute.
      timeoutMs: 90_000,
      giveUpIf: () => (ended ? `exited (${ended}): ${output.join('')}` : undefined),
    },
  );
  return {
    pid: child.pid!,
    output,
    exited,
    get running() {
      return ended === undefined;
    },
    terminate() {
      child.kill('SIGTERM');
    },
    async kill() {
      if (ended) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
