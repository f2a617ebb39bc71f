import path from 'node:path';
import { load } from '../support/machine';
import { freePort, startTypeScript, type ChildApp } from '../support/processes';
import { startStack } from '../support/stack';
import { fixed, ratio, report } from '../support/stats';
import { fixedRate, type FixedRateResult } from './fixed-rate';
import { pacedRate } from './paced-rate';

const RATE = Number(process.env.BENCH_READ_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 20);
const EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 30);
/** Seconds of the same load on each path before any is measured: a server that has been up a while. */
const WARM_UP_SECONDS = Number(process.env.BENCH_READ_WARM_UP_SECONDS ?? 5);

/** The goals issue 13 sets for a public read: the offered rate held, p99 under 25 ms, 0.5 ms of CPU. */
const GOAL = { p99Ms: 25, cpuMs: 0.5 };

/**
 * Two ways to offer the rate: requests arriving one by one at Poisson-spaced times (the figure
 * the goals are read against: see paced-rate.ts), and autocannon's overallRate, kept so the
 * figures compare with earlier rows; it sends each second's share as one burst.
 */
const GENERATORS = [
  { name: 'paced', describe: 'Poisson arrivals, latency from when due', run: pacedRate },
  { name: 'autocannon', describe: 'autocannon overallRate, a burst each second', run: fixedRate },
] as const;

type Generator = (typeof GENERATORS)[number];

interface Measured extends FixedRateResult {
  label: string;
  cpuMsPerRequest: number;
  peakMiB: number;
}

async function measure(label: string, app: ChildApp, url: string, generator: Generator): Promise<Measured> {
  const cpuBefore = app.cpuSeconds();
  const result = await generator.run(url, RATE, SECONDS);
  const cpu = app.cpuSeconds() - cpuBefore;
  return {
    ...result,
    label,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, result.requests),
    peakMiB: app.memory().peakMiB,
  };
}

function meetsGoal(measured: Measured): boolean {
  return (
    measured.achieved >= RATE * 0.98 &&
    measured.latencyP99 < GOAL.p99Ms &&
    measured.cpuMsPerRequest <= GOAL.cpuMs
  );
}

function rows(measured: Measured): Array<[string, string | number]> {
  return [
    ['offered / achieved', `${measured.offered} / ${fixed(measured.achieved)} req/s`],
    ['2xx / non-2xx / errors', `${measured.ok} / ${measured.non2xx} / ${measured.errors}`],
    [
      'latency p50 / p99 / max',
      `${measured.latencyP50} / ${measured.latencyP99} / ${measured.latencyMax} ms`,
    ],
    ['CPU per request', `${fixed(measured.cpuMsPerRequest, 3)} ms`],
    ['peak RSS', `${fixed(measured.peakMiB)} MiB`],
  ];
}

/**
 * A crowd reading the public pages: a fixed 1,000 requests a second for 20 s at each of the
 * events list page, one event's page and the JSON list, from the built api, offered first as
 * Poisson arrivals and then by autocannon's overallRate; then both at a bare node:http + pg
 * server answering the JSON list's query. It
 * passes when nothing failed; the goals (rate held, p99, CPU) are printed beside the figures.
 */
export async function publicReadsBenchmark(): Promise<boolean> {
  const stack = await startStack('public-reads', { api: true });
  let bare: ChildApp | undefined;
  try {
    const client = stack.client!;
    let first = '';
    for (let day = 0; day < EVENTS; day += 1) {
      const event = await client.publishedEvent(60, 20 + day);
      first ||= event.id;
    }
    console.log(
      `\npublic-reads: ${RATE} req/s offered for ${SECONDS} s to each path after ${WARM_UP_SECONDS} s unmeasured, ${EVENTS} published events (load ${load()})`,
    );
    const api = stack.api!;
    const paths = [
      ['events list page (/events)', '/events'],
      ['event page (/events/:id)', `/events/${first}`],
      ['JSON list (/api/v1/public/events)', '/api/v1/public/events'],
    ] as const;
    for (const [, pathname] of paths) await pacedRate(`${client.baseUrl}${pathname}`, RATE, WARM_UP_SECONDS);
    const results = new Map<Generator, Measured[]>(GENERATORS.map((generator) => [generator, []]));
    for (const generator of GENERATORS) {
      for (const [label, pathname] of paths) {
        results.get(generator)!.push(await measure(label, api, `${client.baseUrl}${pathname}`, generator));
      }
    }
    await api.stop();

    const port = await freePort();
    bare = await startTypeScript(
      'bare node:http + pg',
      path.join(__dirname, 'bare-server.ts'),
      { DATABASE_URL: stack.database.url, PORT: String(port) },
      async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok,
    );
    await pacedRate(`http://127.0.0.1:${port}/`, RATE, WARM_UP_SECONDS);
    const baselines = new Map<Generator, Measured>();
    for (const generator of GENERATORS) {
      baselines.set(generator, await measure('bare JSON list', bare, `http://127.0.0.1:${port}/`, generator));
    }

    for (const generator of GENERATORS) {
      const ours = results.get(generator)!;
      const baseline = baselines.get(generator)!;
      for (const measured of ours)
        report(`public-reads [${generator.describe}]: api, ${measured.label}`, rows(measured));
      report(
        `public-reads [${generator.describe}]: baseline (node:http + pg, the JSON list query, no framework)`,
        rows(baseline),
      );
      const json = ours[2];
      report(`public-reads [${generator.describe}]: ratio api JSON list / bare`, [
        ['achieved rate', ratio(json.achieved, baseline.achieved)],
        ['latency p99', ratio(json.latencyP99, baseline.latencyP99)],
        ['CPU per request', ratio(json.cpuMsPerRequest, baseline.cpuMsPerRequest)],
        [
          'goal (each api path)',
          `${RATE} req/s held, p99 under ${GOAL.p99Ms} ms, ${GOAL.cpuMs} ms CPU a request: ${ours
            .map((r) => `${r.label.split(' (')[0]} ${meetsGoal(r) ? 'met' : 'not met'}`)
            .join(', ')}`,
        ],
      ]);
    }
    console.log(`public-reads: load average after ${load()}`);
    return [...results.values(), [...baselines.values()]]
      .flat()
      .every((r) => r.non2xx === 0 && r.errors === 0);
  } finally {
    await bare?.stop();
    await stack.close();
  }
}
