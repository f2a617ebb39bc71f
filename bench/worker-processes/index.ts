import { setTimeout as sleep } from 'node:timers/promises';
import { contacts } from '../invitation-fanout/contacts';
import { MemorySampler } from '../invitation-fanout/memory-sampler';
import { load } from '../support/machine';
import { startStack } from '../support/stack';
import { fixed, ratio, report } from '../support/stats';

const COUNT = Number(process.env.BENCH_INVITATIONS ?? 4_000);
const TIMEOUT_MS = 20 * 60_000;

interface Run {
  processes: number;
  seconds: number;
  perSecond: number;
  workerCpuMs: number;
  peakMiB: number;
  delivered: number;
  distinct: number;
}

/** One fan-out of COUNT invitations with the worker run as `processes` processes (WORKER_PROCESSES). */
async function fanOut(processes: number): Promise<Run> {
  const before = process.env.WORKER_PROCESSES;
  process.env.WORKER_PROCESSES = String(processes);
  const stack = await startStack(`worker-processes-${processes}`, { api: true, worker: true }).finally(() => {
    process.env.WORKER_PROCESSES = before;
  });
  try {
    // Every process's BullMQ worker listening before the clock starts.
    const started = Date.now();
    while ((await stack.queue.getWorkersCount()) < processes) {
      if (Date.now() - started > 120_000)
        throw new Error(`only some of ${processes} worker processes started`);
      await sleep(200);
    }
    const event = await stack.client!.publishedEvent(500, 40);
    const sampler = new MemorySampler(stack.worker!);
    const cpuBefore = stack.worker!.cpuSeconds();
    const sent = Date.now();
    await stack.client!.call(
      'POST',
      `/api/v1/events/${event.id}/invitations`,
      { contacts: contacts(COUNT) },
      [200, 201, 202],
    );
    await stack.sink.waitFor(COUNT, TIMEOUT_MS);
    // A moment longer, so a message sent twice would have arrived to be counted.
    await sleep(2_000);
    const arrivals = stack.sink.arrivals;
    const last = Math.max(...arrivals.map((arrival) => arrival.at));
    const seconds = (last - sent) / 1000;
    const memory = sampler.stop();
    return {
      processes,
      seconds,
      perSecond: COUNT / seconds,
      workerCpuMs: ((stack.worker!.cpuSeconds() - cpuBefore) * 1000) / COUNT,
      peakMiB: memory.hwmMiB,
      delivered: arrivals.length,
      distinct: new Set(arrivals.map((arrival) => arrival.id)).size,
    };
  } finally {
    await stack.close();
  }
}

/**
 * The same fan-out of invitations with the worker as one process and as two (the api alone on its
 * one process both times), on a fresh database and Redis prefix each: what a second worker
 * process buys on this machine, and that nothing is sent twice when two share the queue.
 */
export async function workerProcessesBenchmark(): Promise<boolean> {
  console.log(`\nworker-processes: ${COUNT} invitations, worker as 1 then 2 processes (load ${load()})`);
  const one = await fanOut(1);
  const two = await fanOut(2);
  for (const run of [one, two]) {
    report(`worker-processes: ${run.processes} worker process${run.processes === 1 ? '' : 'es'}`, [
      ['messages accepted by the sink', `${run.delivered} (${run.distinct} distinct notification ids)`],
      ['request to last message', `${fixed(run.seconds, 2)} s`],
      ['messages/s', fixed(run.perSecond)],
      ['worker CPU per message (all processes)', `${fixed(run.workerCpuMs, 2)} ms`],
      ['largest worker process peak RSS', `${fixed(run.peakMiB)} MiB`],
    ]);
  }
  report('worker-processes: ratio 2 processes / 1', [
    ['messages/s', ratio(two.perSecond, one.perSecond)],
    ['CPU per message', ratio(two.workerCpuMs, one.workerCpuMs)],
    ['load average after', load()],
  ]);
  return [one, two].every((run) => run.delivered === COUNT && run.distinct === COUNT);
}
