import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './paths';

export interface Memory {
  /** Peak resident set size so far (VmHWM) of its largest process, in MiB. */
  peakMiB: number;
  /** Resident set size now (VmRSS) of all its processes together, in MiB. */
  nowMiB: number;
}

export interface ChildApp {
  name: string;
  pid: number;
  /** The last lines it wrote, for an error message. */
  tail(): string;
  readonly running: boolean;
  memory(): Memory;
  /** CPU time (user + system) it has used so far, in seconds: load-independent, unlike wall time. */
  cpuSeconds(): number;
  /** SIGTERM, then SIGKILL if it has not ended within 10 s. */
  stop(): Promise<void>;
  /**
   * With BENCH_CPU_PROF=<dir>, starts V8's CPU profiler in the app (see
   * tools/profiling/cpu-profile-on-signal.ts); without it, does nothing.
   */
  startCpuProfile(): void;
  /** Stops it and resolves with the .cpuprofile written; null when not profiling. */
  stopCpuProfile(): Promise<string | null>;
}

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no free port');
  return address.port;
}

/** The process and every process it started (an api or worker run as several, by node:cluster). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) {
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(' ').map(Number));
      }
    } catch {
      // It ended while we looked.
    }
  }
  return tree;
}

function memoryOfOne(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMiB: kib('VmHWM') / 1024, nowMiB: kib('VmRSS') / 1024 };
}

/** The largest process's peak, and what all of them hold now. */
function memoryOf(pid: number): Memory {
  const each = processTree(pid).map(memoryOfOne);
  return {
    peakMiB: Math.max(...each.map((memory) => memory.peakMiB)),
    nowMiB: each.reduce((sum, memory) => sum + memory.nowMiB, 0),
  };
}

// Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

function ownCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces), from field 3 on: utime is 14,
    // stime 15, and the time of children it has waited for (cutime, cstime) 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, field) => sum + Number(fields[field]), 0) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU of the process and all its processes (several when run as a cluster). */
function cpuSecondsOf(pid: number): number {
  return processTree(pid).reduce((sum, each) => sum + ownCpuSeconds(each), 0);
}

/**
 * Starts a node script (the built api or worker, or a TypeScript baseline through ts-node) as a
 * child process with the given environment, and waits until `ready()` says it is serving.
 */
export async function startChild(
  name: string,
  args: string[],
  env: Record<string, string>,
  ready: () => Promise<boolean>,
): Promise<ChildApp> {
  const profileDir = profileDirFor(args);
  const child: ChildProcess = spawn(process.execPath, profileDir ? ['-r', PROFILER, ...args] : args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      ...(profileDir && { CPU_PROFILE_DIR: profileDir, CPU_PROFILE_NAME: name }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(chunk.toString());
    if (lines.length > 50) lines.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let ended: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = signal ?? `code ${code}`;
      resolve();
    }),
  );
  const started = Date.now();
  for (;;) {
    if (ended) throw new Error(`${name} exited (${ended}) before it was ready:\n${lines.join('')}`);
    if (await ready().catch(() => false)) break;
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready after 60 s:\n${lines.join('')}`);
    }
    await sleep(200);
  }
  return {
    name,
    pid: child.pid!,
    tail: () => lines.join(''),
    get running() {
      return ended === undefined;
    },
    memory: () => memoryOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    startCpuProfile() {
      if (profileDir) child.kill('SIGWINCH');
    },
    async stopCpuProfile() {
      if (!profileDir) return null;
      const before = new Set(readdirSync(profileDir));
      child.kill('SIGWINCH');
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        const written = readdirSync(profileDir).find(
          (file) => !before.has(file) && file.startsWith(`${name}-`) && file.endsWith('.cpuprofile'),
        );
        if (written) return path.join(profileDir, written);
        await sleep(200);
      }
      throw new Error(`${name} wrote no CPU profile within 60 s`);
    },
    async stop() {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Loaded into a profiled app (built from tools/, as the apps are). */
const PROFILER = path.join(ROOT, 'dist/tools/profiling/cpu-profile-on-signal.js');

/** BENCH_CPU_PROF=<dir> profiles the built apps (not the baselines) into that directory. */
function profileDirFor(args: string[]): string | null {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir || !args.some((arg) => arg.startsWith('dist/apps/'))) return null;
  const absolute = path.resolve(ROOT, dir);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}

/** dist/apps/api/src/main.js, ready when GET /health answers 200. */
export function startApi(env: Record<string, string>): Promise<ChildApp> {
  return startChild('api', [path.join('dist/apps/api/src/main.js')], env, async () => {
    const res = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    return res.status === 200;
  });
}

/** dist/apps/worker/src/main.js, ready when `workersListening()` sees its BullMQ worker. */
export function startWorker(
  env: Record<string, string>,
  workersListening: () => Promise<number>,
  already = 0,
): Promise<ChildApp> {
  return startChild(
    'worker',
    [path.join('dist/apps/worker/src/main.js')],
    env,
    async () => (await workersListening()) > already,
  );
}

/**
 * A TypeScript file run through ts-node (SWC, chosen by tsconfig.json's "ts-node" section, and
 * path aliases), as the benchmarks themselves run.
 */
export function startTypeScript(
  name: string,
  file: string,
  env: Record<string, string>,
  ready: () => Promise<boolean>,
): Promise<ChildApp> {
  return startChild(
    name,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', file],
    {
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
      ...env,
    },
    ready,
  );
}
