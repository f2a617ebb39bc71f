import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { SetupError } from './setup-error';
import { withTimeout } from './wait';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  error?: string;
}

export interface ProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /**
   * Forward each output line with this prefix ('[api]'). Without one, output is only kept in
   * memory and shown if the process fails: services' start-up chatter is noise otherwise.
   */
  prefix?: string;
  /**
   * Run in its own process group, so a terminal Ctrl-C reaches only us and we stop the children
   * in order (apps before the services they use). Without it a Nest app would get the terminal's
   * SIGINT and then our SIGTERM, and the second signal kills it in the middle of its shutdown.
   */
  detached?: boolean;
}

const RECENT_LINES = 40;
const running = new Set<ChildProcess>();

/**
 * Detached children outlive us unless told otherwise. If start.js dies of an uncaught error, kill
 * what is left rather than leave a redis-server or an api holding ports in the background.
 */
function killLeftoversOnExit(): void {
  if (!process.listeners('exit').includes(killAll)) process.on('exit', killAll);
}
function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** A child process we started and will stop. */
export class ManagedProcess {
  readonly exited: Promise<ExitInfo>;
  private readonly recent: string[] = [];
  private exitInfo?: ExitInfo;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    prefix: string | undefined,
  ) {
    this.exited = new Promise((resolve) => {
      const finish = (info: ExitInfo) => {
        if (this.exitInfo) return;
        this.exitInfo = info;
        running.delete(child);
        resolve(info);
      };
      child.once('exit', (code, signal) => finish({ code, signal }));
      child.once('error', (error) => finish({ code: null, signal: null, error: error.message }));
    });
    if (child.stdout) this.follow(child.stdout, prefix, process.stdout);
    if (child.stderr) this.follow(child.stderr, prefix, process.stderr);
  }

  get isRunning(): boolean {
    return this.exitInfo === undefined;
  }

  /** Why it stopped, in words, or undefined while it runs. */
  get exitReason(): string | undefined {
    return this.exitInfo && describeExit(this.exitInfo);
  }

  /** The last lines it printed, for error messages. */
  recentOutput(): string {
    return this.recent.join('\n');
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<ExitInfo> {
    if (!this.isRunning) return this.exited;
    this.child.kill('SIGTERM');
    try {
      return await withTimeout(this.exited, graceMs, `${this.name} stop`);
    } catch {
      this.child.kill('SIGKILL');
      return this.exited;
    }
  }

  /** For a second Ctrl-C: the person wants out now. */
  kill(): void {
    if (this.isRunning) this.child.kill('SIGKILL');
  }

  private follow(stream: Readable, prefix: string | undefined, out: NodeJS.WritableStream): void {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      this.recent.push(line);
      if (this.recent.length > RECENT_LINES) this.recent.shift();
      if (prefix) out.write(`${prefix} ${line}\n`);
    });
  }
}

export function describeExit(info: ExitInfo): string {
  if (info.error) return `could not start (${info.error})`;
  if (info.signal) return `killed by ${info.signal}`;
  return `exited with code ${info.code}`;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: ProcessOptions = {},
): ManagedProcess {
  killLeftoversOnExit();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  running.add(child);
  return new ManagedProcess(name, child, options.prefix);
}

/** Runs a command to the end (migrations, seed); a non-zero exit becomes a SetupError. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  options: ProcessOptions = {},
): Promise<void> {
  const proc = startProcess(name, command, args, options);
  const info = await proc.exited;
  if (info.code === 0) return;
  const output = options.prefix ? '' : `\n${proc.recentOutput()}`;
  throw new SetupError(`${name} ${describeExit(info)}${output}`);
}
