import { Client, Pool } from 'pg';
// By path: the testimony index would pull in Nest modules the bench process does not need.
import { REPORT_SQL, reportParams } from '../../libs/testimony/src/reports/report-queries';
import { ADMIN } from '../support/environment';
import { load } from '../support/machine';
import { startStack } from '../support/stack';
import { fixed, ratio, report, summarise, type Summary } from '../support/stats';
import { seedReport } from './seed';

const COUNT = Number(process.env.BENCH_TESTIMONIES ?? 50_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const ms = (summary: Summary) => `${fixed(summary.p50, 0)} ms (max ${fixed(summary.max, 0)})`;

/**
 * The evidence report over 50,000 testimonies and 200 held events, through the real api (JSON,
 * CSV and .docx, each with its audit row, quote decryption and rendering), against the bare
 * aggregation: the same statements (report-queries.ts) run with pg in the same process, nine at
 * once on a pool of ten connections as the api runs them. Each is timed ROUNDS times; medians.
 */
export async function testimonyReportBenchmark(): Promise<boolean> {
  const stack = await startStack('testimony-report', { api: true });
  const client = new Client({ connectionString: stack.database.url });
  await client.connect();
  const pool = new Pool({ connectionString: stack.database.url, max: 10 });
  try {
    const seedStarted = performance.now();
    const seeded = await seedReport(client, COUNT, EVENTS);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `\ntestimony-report: ${COUNT} testimonies, ${EVENTS} events, ${seeded.quotes} chosen quotes, seeded in ${fixed(seedSeconds)} s (load ${load()})`,
    );
    const query = `campaignId=${seeded.campaignId}`;
    const times: Record<'json' | 'csv' | 'docx' | 'sql', number[]> = { json: [], csv: [], docx: [], sql: [] };
    let figures: { total?: number; quotes?: number; bytes: Record<string, number> } = { bytes: {} };
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      const params = reportParams({ campaignId: seeded.campaignId }, new Date());
      await Promise.all(Object.values(REPORT_SQL).map((sql) => pool.query(sql, params)));
      times.sql.push(performance.now() - started);
      for (const format of ['json', 'csv', 'docx'] as const) {
        const start = performance.now();
        const res = await fetch(
          `${stack.client!.baseUrl}/api/v1/reports/testimony?${query}&format=${format}`,
          {
            headers: { authorization: `Bearer ${await token(stack.client!.baseUrl)}` },
          },
        );
        const body = Buffer.from(await res.arrayBuffer());
        times[format].push(performance.now() - start);
        if (res.status !== 200)
          throw new Error(`${format} answered ${res.status}: ${body.toString().slice(0, 300)}`);
        figures.bytes[format] = body.length;
        if (format === 'json') {
          const parsed = JSON.parse(body.toString());
          figures = { ...figures, total: parsed.submissions.total, quotes: parsed.quotes.length };
        }
      }
    }
    const summary = Object.fromEntries(
      Object.entries(times).map(([key, values]) => [key, summarise(values)]),
    );
    report('testimony-report: api (GET /api/v1/reports/testimony, campaign scope)', [
      ['testimony counted / quotes', `${figures.total} / ${figures.quotes}`],
      ['JSON median', `${ms(summary.json)}, ${figures.bytes.json} bytes`],
      ['CSV median', `${ms(summary.csv)}, ${figures.bytes.csv} bytes`],
      ['.docx median', `${ms(summary.docx)}, ${figures.bytes.docx} bytes`],
      ['peak RSS api', `${fixed(stack.api!.memory().peakMiB)} MiB`],
    ]);
    report('testimony-report: baseline (the same 9 statements with pg, in parallel)', [
      ['median', ms(summary.sql)],
    ]);
    report('testimony-report: ratio api / bare SQL (goal: within 2x)', [
      ['JSON', ratio(summary.json.p50, summary.sql.p50)],
      ['CSV', ratio(summary.csv.p50, summary.sql.p50)],
      ['.docx', ratio(summary.docx.p50, summary.sql.p50)],
      ['load average after', load()],
    ]);
    return figures.total !== undefined && figures.total > 0 && figures.quotes === seeded.quotes;
  } finally {
    await pool.end();
    await client.end();
    await stack.close();
  }
}

let cached: string | undefined;
/** One sign-in for the run (the bench admin, as the api client signs in). */
async function token(baseUrl: string): Promise<string> {
  if (cached) return cached;
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  cached = ((await res.json()) as { token: string }).token;
  return cached;
}
