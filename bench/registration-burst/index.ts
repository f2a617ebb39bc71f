import { printSelfTimes } from '../support/cpu-profile';
import { load } from '../support/machine';
import { startStack } from '../support/stack';
import { fixed, ratio, report } from '../support/stats';
import { registrationBurst } from './api-burst';
import { checkCapacity, type CapacityCheck } from './capacity-check';
import { pgbenchBaseline } from './pgbench-baseline';

const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 500);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const verdict = (check: CapacityCheck) =>
  `${check.pass ? 'PASS' : 'FAIL'} (capacity ${check.capacity}, places_taken ${check.placesTaken}, confirmed ${check.confirmed}, waitlisted ${check.waitlisted})`;

/**
 * Thousands of people registering for one event at once through the real api (with the
 * worker sending their emails), against the same capacity-checked insert done by pgbench.
 */
export async function registrationBurstBenchmark(): Promise<boolean> {
  const stack = await startStack('registration-burst', { api: true, worker: true });
  try {
    const client = stack.client!;
    const apiEvent = await client.publishedEvent(CAPACITY, 30);
    const baselineEvent = await client.publishedEvent(CAPACITY, 31);
    console.log(
      `\nregistration-burst: ${REQUESTS} registrations at concurrency ${CONNECTIONS} for ${CAPACITY} places (load ${load()})`,
    );

    const cpuBefore = { api: stack.api!.cpuSeconds(), worker: stack.worker!.cpuSeconds() };
    // With BENCH_CPU_PROF=<dir>, the api is profiled over the burst (otherwise this does nothing).
    stack.api!.startCpuProfile();
    const burst = await registrationBurst(client.baseUrl, apiEvent.id, REQUESTS, CONNECTIONS);
    const apiCheck = await checkCapacity(stack.database, apiEvent.id);
    const cpu = {
      api: stack.api!.cpuSeconds() - cpuBefore.api,
      worker: stack.worker!.cpuSeconds() - cpuBefore.worker,
    };
    const apiMemory = { api: stack.api!.memory(), worker: stack.worker!.memory() };
    // After the CPU is read: writing the profile costs the api CPU of its own.
    const profile = await stack.api!.stopCpuProfile();
    const mailed = stack.sink.arrivals.length;
    await stack.worker!.stop();
    await stack.api!.stop();

    const baseline = await pgbenchBaseline(stack.database.url, baselineEvent.id, REQUESTS, CONNECTIONS);
    const baselineCheck = await checkCapacity(stack.database, baselineEvent.id);

    report('registration-burst: api (POST /api/v1/public/events/:id/registrations)', [
      ['requests', burst.requests],
      ['2xx', burst.ok],
      ['non-2xx', burst.non2xx],
      ['errors and timeouts', burst.errors],
      ['wall time', `${fixed(burst.seconds, 2)} s`],
      ['registrations/s', fixed(burst.perSecond)],
      ['latency p50 / p99 / max', `${burst.latencyP50} / ${burst.latencyP99} / ${burst.latencyMax} ms`],
      ['no overbooking', verdict(apiCheck)],
      ['api CPU per registration', `${fixed((cpu.api * 1000) / burst.requests, 2)} ms`],
      ['worker CPU during the burst', `${fixed(cpu.worker, 1)} s`],
      ['emails accepted by the sink meanwhile', mailed],
      ['peak RSS api / worker', `${fixed(apiMemory.api.peakMiB)} / ${fixed(apiMemory.worker.peakMiB)} MiB`],
    ]);
    if (profile) printSelfTimes('registration-burst: api', profile, 20, REQUESTS);
    report('registration-burst: baseline (pgbench, same UPDATE ... RETURNING + INSERT)', [
      ['transactions', baseline.transactions],
      ['failed', baseline.failed],
      ['tps', fixed(baseline.tps)],
      [
        'latency avg / p50 / p99 / max',
        `${fixed(baseline.latencyAverage, 2)} / ${fixed(baseline.latencyP50, 2)} / ${fixed(baseline.latencyP99, 2)} / ${fixed(baseline.latencyMax, 2)} ms`,
      ],
      ['no overbooking', verdict(baselineCheck)],
    ]);
    report('registration-burst: ratio api / pgbench', [
      ['throughput', ratio(burst.perSecond, baseline.tps)],
      ['latency p50', ratio(burst.latencyP50, baseline.latencyP50)],
      ['latency p99', ratio(burst.latencyP99, baseline.latencyP99)],
      ['load average after', load()],
    ]);
    return apiCheck.pass && baselineCheck.pass && burst.non2xx === 0 && burst.errors === 0;
  } finally {
    await stack.close();
  }
}
