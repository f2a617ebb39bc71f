import { Pool } from 'undici';
import type { FixedRateResult } from './fixed-rate';
import { percentile } from '../support/stats';

/** As many as autocannon's: enough that the rate, not the connections, is the limit. */
const CONNECTIONS = 100;

/** A seeded generator (mulberry32), so two runs offer the same arrivals. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** When each request is due, in ms from the start: a Poisson process, as independent visitors arrive. */
export function poissonArrivals(rate: number, seconds: number, seed = 13): Float64Array {
  const random = seeded(seed);
  const due: number[] = [];
  for (let at = 0; ;) {
    at += (-Math.log(1 - random()) * 1000) / rate;
    if (at >= seconds * 1000) break;
    due.push(at);
  }
  return Float64Array.from(due);
}

/**
 * A crowd at a steady rate, as autocannon's overallRate is not: autocannon lets each connection
 * send its share of the second back to back and then wait for the next second, so 1,000 req/s
 * arrives as a burst of 1,000 at the top of each second, and its coordinated-omission correction
 * then counts each slow reply as many more (it assumes a request every millisecond on every
 * connection). Here requests arrive one by one at Poisson-spaced times (what many people each
 * following a link do) over keep-alive connections, and each latency runs from when the request
 * was due, not when it left: a server (or a generator) falling behind shows in the figures, as
 * wrk2 measures it.
 */
export async function pacedRate(url: string, rate: number, seconds: number): Promise<FixedRateResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 30_000 });
  const due = poissonArrivals(rate, seconds);
  const latencies = new Float64Array(due.length);
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let finished = 0;
  // Every connection open before the clock starts: opening 100 at once is not what is measured.
  await Promise.all(
    Array.from({ length: CONNECTIONS }, () =>
      pool.request({ path: target.pathname + target.search, method: 'GET' }).then(({ body }) => body.dump()),
    ),
  );
  const started = performance.now();

  const send = (index: number) => {
    pool
      .request({ path: target.pathname + target.search, method: 'GET', headersTimeout: 10_000 })
      .then(async ({ statusCode, body }) => {
        await body.dump({ limit: Number.POSITIVE_INFINITY });
        latencies[index] = performance.now() - started - due[index];
        if (statusCode >= 200 && statusCode < 300) ok += 1;
        else non2xx += 1;
      })
      .catch(() => {
        latencies[index] = Number.NaN;
        errors += 1;
      })
      .finally(() => {
        finished += 1;
      });
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    // A 1 ms tick sends everything due by now; a late tick sends late, and that lateness is counted.
    const tick = setInterval(() => {
      const now = performance.now() - started;
      while (next < due.length && due[next] <= now) send(next++);
      if (next === due.length && finished === due.length) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();

  const answered = Array.from(latencies).filter((value) => !Number.isNaN(value));
  return {
    offered: rate,
    achieved: ok / Math.max(seconds, elapsed),
    ok,
    non2xx,
    errors,
    latencyP50: Math.round(percentile(answered, 50) * 10) / 10,
    latencyP99: Math.round(percentile(answered, 99) * 10) / 10,
    latencyMax: Math.round(answered.reduce((most, value) => Math.max(most, value), 0) * 10) / 10,
    requests: due.length,
  };
}
