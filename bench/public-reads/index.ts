import path from 'node:path';
import { load } from '../support/machine';
import { freePort, startTypeScript, type ChildApp } from '../support/processes';
import { startStack } from '../support/stack';
import { fixed, ratio, report } from '../support/stats';
import { fixedRate, type FixedRateResult } from './fixed-rate';

const RATE = Number(process.env.BENCH_READ_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 20);
const EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 30);

/** The goals issue 13 sets for a public read: the offered rate held, p99 under 25 ms, 0.5 ms of CPU. */
const GOAL = { p99Ms: 25, cpuMs: 0.5 };

interface Measured extends FixedRateResult {
  label: string;
  cpuMsPerRequest: number;
  peakMiB: number;
}

async function measure(label: string, app: ChildApp, url: string): Promise<Measured> {
  const cpuBefore = app.cpuSeconds();
  const result = await fixedRate(url, RATE, SECONDS);
  const cpu = app.cpuSeconds() - cpuBefore;
  return {
    ...result,
    label,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, result.requests),
    peakMiB: app.memory().peakMiB,
  };
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
 * A crowd reading the public pages: a fixed 1,000 requests a second (autocannon's overallRate)
 * for 20 s at each of the events list page, one event's page and the JSON list, from the built
 * api; then the same rate at a bare node:http + pg server answering the JSON list's query. It
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
      `\npublic-reads: ${RATE} req/s offered for ${SECONDS} s to each path, ${EVENTS} published events (load ${load()})`,
    );
    const api = stack.api!;
    const paths = [
      ['events list page (/events)', '/events'],
      ['event page (/events/:id)', `/events/${first}`],
      ['JSON list (/api/v1/public/events)', '/api/v1/public/events'],
    ] as const;
    const results: Measured[] = [];
    for (const [label, pathname] of paths) {
      results.push(await measure(label, api, `${client.baseUrl}${pathname}`));
    }
    await api.stop();

    const port = await freePort();
    bare = await startTypeScript(
      'bare node:http + pg',
      path.join(__dirname, 'bare-server.ts'),
      { DATABASE_URL: stack.database.url, PORT: String(port) },
      async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok,
    );
    const baseline = await measure('bare JSON list', bare, `http://127.0.0.1:${port}/`);

    for (const measured of results) report(`public-reads: api, ${measured.label}`, rows(measured));
    report('public-reads: baseline (node:http + pg, the JSON list query, no framework)', rows(baseline));
    const json = results[2];
    report('public-reads: ratio api JSON list / bare', [
      ['achieved rate', ratio(json.achieved, baseline.achieved)],
      ['latency p99', ratio(json.latencyP99, baseline.latencyP99)],
      ['CPU per request', ratio(json.cpuMsPerRequest, baseline.cpuMsPerRequest)],
      [
        'goal (each api path)',
        `${RATE} req/s held, p99 under ${GOAL.p99Ms} ms, ${GOAL.cpuMs} ms CPU a request: ${results
          .map(
            (r) =>
              `${r.label.split(' (')[0]} ${r.achieved >= RATE * 0.98 && r.latencyP99 < GOAL.p99Ms && r.cpuMsPerRequest <= GOAL.cpuMs ? 'met' : 'not met'}`,
          )
          .join(', ')}`,
      ],
      ['load average after', load()],
    ]);
    return [...results, baseline].every((r) => r.non2xx === 0 && r.errors === 0);
  } finally {
    await bare?.stop();
    await stack.close();
  }
}
