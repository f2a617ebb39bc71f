import { printSelfTimes } from '../support/cpu-profile';
import { load } from '../support/machine';
import { startStack } from '../support/stack';
import { fixed, ratio, report } from '../support/stats';
import { contacts } from './contacts';
import { MemorySampler } from './memory-sampler';
import { sendPlainInvitations } from './nodemailer-baseline';

const COUNT = Number(process.env.BENCH_INVITATIONS ?? 10_000);
const TIMEOUT_MS = 30 * 60_000;

/**
 * One POST /api/v1/events/:id/invitations with 10,000 contacts, to the last invitation (with its
 * calendar part) accepted by the sink, against plain nodemailer sending the same messages.
 */
export async function invitationFanoutBenchmark(): Promise<boolean> {
  const stack = await startStack('invitation-fanout', { api: true, worker: true });
  try {
    const client = stack.client!;
    const event = await client.publishedEvent(500, 40);
    const people = contacts(COUNT);
    console.log(`\ninvitation-fanout: ${COUNT} invitations from one request (load ${load()})`);
    const samplers = { api: new MemorySampler(stack.api!), worker: new MemorySampler(stack.worker!) };

    const cpuBefore = { api: stack.api!.cpuSeconds(), worker: stack.worker!.cpuSeconds() };
    stack.worker!.startCpuProfile();
    const started = Date.now();
    let answer: unknown;
    try {
      answer = await client.call(
        'POST',
        `/api/v1/events/${event.id}/invitations`,
        { contacts: people },
        [200, 201, 202],
      );
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404 && /Cannot POST/.test((error as Error).message)) {
        throw new Error(
          'POST /api/v1/events/:id/invitations does not exist in this build (404 Cannot POST): ' +
            'the invitations route is being built in another branch; merge it, then run `npm run bench -- invitation-fanout`',
        );
      }
      throw error;
    }
    const answered = Date.now();
    await stack.sink.waitFor(COUNT, TIMEOUT_MS);
    const cpuAfter = { api: stack.api!.cpuSeconds(), worker: stack.worker!.cpuSeconds() };
    // After the CPU is read: writing the profile costs the worker CPU of its own.
    const profile = await stack.worker!.stopCpuProfile();
    const arrivals = stack.sink.arrivals;
    const last = Math.max(...arrivals.map((arrival) => arrival.at));
    const appSeconds = (last - started) / 1000;
    const withCalendar = arrivals.filter((arrival) => arrival.calendar).length;
    const bytes = Math.round(arrivals.reduce((sum, arrival) => sum + arrival.bytes, 0) / arrivals.length);
    const memory = { api: samplers.api.stop(), worker: samplers.worker.stop() };
    const cpuMs = {
      api: ((cpuAfter.api - cpuBefore.api) * 1000) / COUNT,
      worker: ((cpuAfter.worker - cpuBefore.worker) * 1000) / COUNT,
    };
    await stack.worker!.stop();
    await stack.api!.stop();

    stack.sink.reset();
    const plainSeconds = await sendPlainInvitations(stack.sink, people, bytes);
    const plainBytes = Math.round(
      stack.sink.arrivals.reduce((sum, arrival) => sum + arrival.bytes, 0) / stack.sink.arrivals.length,
    );

    report('invitation-fanout: app (one api call, worker process sends)', [
      ['answer', JSON.stringify(answer)],
      ['request answered after', `${answered - started} ms`],
      ['messages accepted by the sink', `${arrivals.length} (${withCalendar} with a text/calendar part)`],
      ['first request to last message', `${fixed(appSeconds, 2)} s`],
      ['messages/s', fixed(COUNT / appSeconds)],
      ['average message size', `${bytes} bytes`],
      ['CPU per message api / worker', `${fixed(cpuMs.api, 2)} / ${fixed(cpuMs.worker, 2)} ms`],
      [
        'api peak RSS (polled / VmHWM)',
        `${fixed(memory.api.polledPeakMiB)} / ${fixed(memory.api.hwmMiB)} MiB`,
      ],
      [
        'worker peak RSS (polled / VmHWM)',
        `${fixed(memory.worker.polledPeakMiB)} / ${fixed(memory.worker.hwmMiB)} MiB`,
      ],
    ]);
    if (profile) printSelfTimes('invitation-fanout: worker', profile, 15, COUNT);
    report('invitation-fanout: baseline (plain pooled nodemailer + ical-generator)', [
      ['messages', stack.sink.arrivals.length],
      ['first built to last accepted', `${fixed(plainSeconds, 2)} s`],
      ['messages/s', fixed(COUNT / plainSeconds)],
      ['average message size', `${plainBytes} bytes`],
    ]);
    report('invitation-fanout: ratio app / baseline', [
      ['messages/s', ratio(COUNT / appSeconds, COUNT / plainSeconds)],
      ['load average after', load()],
    ]);
    return withCalendar === COUNT;
  } finally {
    await stack.close();
  }
}
