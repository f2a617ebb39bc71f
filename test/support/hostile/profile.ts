import { appendFileSync } from 'node:fs';

/**
 * HOSTILE_PROFILE=<file>: the suite adds up how long each of its steps took (seeding a world,
 * fingerprinting the tables, the request itself, the checks at the end) and appends the totals
 * to that file when it ends, to see where a run's time goes.
 */
const totals = new Map<string, { ms: number; calls: number }>();

export async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  if (!process.env.HOSTILE_PROFILE) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    const total = totals.get(step) ?? { ms: 0, calls: 0 };
    total.ms += performance.now() - start;
    total.calls += 1;
    totals.set(step, total);
  }
}

/** Appends the totals (slowest first) under `heading`, and starts counting afresh. */
export function writeProfile(heading: string): void {
  const file = process.env.HOSTILE_PROFILE;
  if (!file) return;
  const lines = [...totals.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([step, { ms, calls }]) => `  ${step}: ${(ms / 1000).toFixed(1)} s in ${calls} calls`);
  appendFileSync(file, `${heading}\n${lines.join('\n')}\n`);
  totals.clear();
}

/** A figure beside the timings (how many messages were waiting, say), when profiling. */
export function noteFigure(figure: string, value: number): void {
  if (!process.env.HOSTILE_PROFILE) return;
  totals.set(`${figure} = ${value}`, { ms: 0, calls: 1 });
}
