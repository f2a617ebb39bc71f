import cluster, { type Worker } from 'node:cluster';

/** A process that ends this soon after it started failed to start (bad configuration, a port in use). */
const STARTUP_MS = 15_000;
const RESTART_DELAY_MS = 1_000;

/**
 * Runs `start` in `count` processes (node:cluster: an api's processes share its port, the
 * kernel handing each connection to one), or in this process when `count` is 1. The first
 * process watches the others: one that dies later is replaced after a second; one that dies while
 * starting means the rest would too, so everything stops with its exit code. SIGTERM and SIGINT
 * are passed on, and it exits once every process has finished its own graceful shutdown.
 */
export function runInProcesses(name: string, count: number, start: () => Promise<void>): void {
  if (count <= 1 || !cluster.isPrimary) {
    start().catch(failedToStart);
    return;
  }
  let stopping = false;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (lived < STARTUP_MS && code !== 0) {
      console.error(
        `${name} process ${worker.process.pid} could not start (exit ${code ?? signal}); stopping`,
      );
      stopAll(code ?? 1);
      return;
    }
    console.error(
      `${name} process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another`,
    );
    setTimeout(fork, RESTART_DELAY_MS);
  });

  function stopAll(exitCode = 0): void {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    if (startedAt.size === 0) process.exit(exitCode);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
  }
  process.on('SIGTERM', () => stopAll());
  process.on('SIGINT', () => stopAll());
  for (let i = 0; i < count; i += 1) fork();
}

function failedToStart(error: unknown): void {
  // Before the logger exists (e.g. invalid configuration) stderr is all there is.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
