import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Checked between attempts: a reason to give up early (e.g. the process we wait for has exited). */
  giveUpIf?: () => string | undefined;
}

/**
 * Polls `check` until it resolves true. Services announce readiness in different ways (a log line,
 * a port, an HTTP 200), so polling the thing we actually need is the one method that works for all.
 */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    const reason = options.giveUpIf?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() > deadline)
      throw new Error(`${what}: not ready after ${Math.round(options.timeoutMs / 1000)} s`);
    await sleep(options.intervalMs ?? 200);
  }
}

/** Resolves with the promise's value, or rejects once `ms` have passed, so a stuck shutdown cannot hang us. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
