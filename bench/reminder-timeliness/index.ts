import { setTimeout as sleep } from 'node:timers/promises';
import { printSelfTimes } from '../support/cpu-profile';
import { load } from '../support/machine';
import { startStack } from '../support/stack';
import { fixed, ratio, report, summarise, type Summary } from '../support/stats';
import { runBullmqBaseline } from './bullmq-baseline';
import { seedConfirmedRegistrations } from './seed';

const COUNT = Number(process.env.BENCH_REMINDERS ?? 5_000);
/** How far ahead the reminders are due: time enough to plan and enqueue them all first. */
const LEAD_MS = Number(process.env.BENCH_LEAD_MS ?? 15_000);
const TIMEOUT_MS = 15 * 60_000;

const ms = (summary: Summary) =>
  `${fixed(summary.p50, 0)} / ${fixed(summary.p99, 0)} / ${fixed(summary.max, 0)} ms`;

/**
 * 5,000 reminders due in the same second, sent by the real worker process through the real
 * ledger and outbox, against raw BullMQ + nodemailer doing the same sends to the same sink.
 * Lateness is how long after its due time each message was accepted by the sink.
 */
export async function reminderTimelinessBenchmark(): Promise<boolean> {
  const stack = await startStack('reminder-timeliness', { worker: true });
  try {
    const seeded = await seedConfirmedRegistrations(stack.database, COUNT);
    // The planner runs in this process with the apps' own modules and configuration.
    Object.assign(process.env, stack.env);
    const { planReminders } = await import('./outbox');
    const dueAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + LEAD_MS);
    console.log(`\nreminder-timeliness: ${COUNT} reminders due at ${dueAt.toISOString()} (load ${load()})`);
    const planned = await planReminders(seeded, dueAt);
    const cpuBefore = stack.worker!.cpuSeconds();
    stack.worker!.startCpuProfile();
    if (planned.ids.length !== COUNT) throw new Error(`planned ${planned.ids.length} of ${COUNT} reminders`);
    if (planned.enqueued >= dueAt.getTime()) {
      throw new Error(
        `planning and enqueueing took ${planned.enqueued - planned.started} ms, past the due time: raise BENCH_LEAD_MS`,
      );
    }

    const deadline = Date.now() + LEAD_MS + TIMEOUT_MS;
    for (;;) {
      const [open] = await stack.database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM notifications WHERE kind = 'reminder' AND status IN ('pending', 'sending')",
      );
      if (open.n === 0) break;
      if (Date.now() > deadline)
        throw new Error(`${open.n} reminders still unsent after ${TIMEOUT_MS / 60_000} min`);
      await sleep(500);
    }
    const cpuAfter = stack.worker!.cpuSeconds();
    // After the CPU is read: writing the profile costs the worker CPU of its own.
    const profile = await stack.worker!.stopCpuProfile();
    const rows = await stack.database.query<{ status: string; late_ms: number; sent_ms: number }>(
      `SELECT status, extract(epoch FROM sent_at - send_at) * 1000 AS late_ms, extract(epoch FROM sent_at) * 1000 AS sent_ms
       FROM notifications WHERE kind = 'reminder'`,
    );
    const sent = rows.filter((row) => row.status === 'sent');
    const ledger = summarise(sent.map((row) => Number(row.late_ms)));
    const arrivals = stack.sink.arrivals.filter((arrival) => arrival.id !== undefined);
    const appSink = summarise(arrivals.map((arrival) => arrival.at - dueAt.getTime()));
    const lastSent = Math.max(...sent.map((row) => Number(row.sent_ms)));
    const appRate = sent.length / ((lastSent - dueAt.getTime()) / 1000);
    const bytes = Math.round(arrivals.reduce((sum, arrival) => sum + arrival.bytes, 0) / arrivals.length);
    const workerMemory = stack.worker!.memory();
    const appCpuMs = ((cpuAfter - cpuBefore) * 1000) / COUNT;
    await stack.worker!.stop();

    stack.sink.reset();
    // Headers and MIME framing take about 600 bytes of a message; the body makes up the rest.
    const baseline = await runBullmqBaseline(
      stack.sink,
      COUNT,
      Math.max(100, bytes - 600),
      LEAD_MS,
      TIMEOUT_MS,
    );
    const raw = summarise(stack.sink.arrivals.map((arrival) => arrival.at - baseline.dueAt));
    const rawRate =
      COUNT / ((Math.max(...stack.sink.arrivals.map((arrival) => arrival.at)) - baseline.dueAt) / 1000);
    const rawCpuMs = (baseline.workerCpuSeconds * 1000) / COUNT;
    const rawBytes = Math.round(
      stack.sink.arrivals.reduce((sum, arrival) => sum + arrival.bytes, 0) / stack.sink.arrivals.length,
    );

    report('reminder-timeliness: app (NotificationLedger + NotificationOutbox + worker process)', [
      ['reminders planned', planned.ids.length],
      ['plan + enqueue', `${planned.enqueued - planned.started} ms`],
      ['sent / other', `${sent.length} / ${rows.length - sent.length}`],
      ['lateness by ledger sent_at p50 / p99 / max', ms(ledger)],
      ['lateness at the sink p50 / p99 / max', ms(appSink)],
      // The "start within one second of the instant": the first reminder to arrive.
      ['first at the sink after the due time', `${Math.round(appSink.min)} ms`],
      ['throughput (sent / time from due to last)', `${fixed(appRate)} messages/s`],
      ['average message size', `${bytes} bytes`],
      ['worker CPU per message', `${fixed(appCpuMs, 2)} ms`],
      ['worker peak RSS', `${fixed(workerMemory.peakMiB)} MiB`],
    ]);
    if (profile) printSelfTimes('reminder-timeliness: worker', profile, 15, COUNT);
    report('reminder-timeliness: baseline (raw BullMQ Queue + Worker, plain nodemailer)', [
      ['jobs', COUNT],
      ['enqueue (addBulk)', `${baseline.enqueueMs} ms`],
      ['lateness at the sink p50 / p99 / max', ms(raw)],
      ['first at the sink after the due time', `${Math.round(raw.min)} ms`],
      ['throughput', `${fixed(rawRate)} messages/s`],
      ['average message size', `${rawBytes} bytes`],
      ['worker CPU per message', `${fixed(rawCpuMs, 2)} ms`],
    ]);
    report('reminder-timeliness: ratio app / baseline (lateness at the sink)', [
      ['p50', ratio(appSink.p50, raw.p50)],
      ['p99', ratio(appSink.p99, raw.p99)],
      ['max', ratio(appSink.max, raw.max)],
      ['throughput', ratio(appRate, rawRate)],
      ['worker CPU per message', ratio(appCpuMs, rawCpuMs)],
      ['load average after', load()],
    ]);
    return sent.length === COUNT && stack.sink.arrivals.length === COUNT;
  } finally {
    await stack.close();
  }
}
