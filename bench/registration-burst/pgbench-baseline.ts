import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { percentile } from '../support/stats';

const run = promisify(execFile);
const PGBENCH = process.env.BENCH_PGBENCH ?? '/usr/bin/pgbench';

export interface PgbenchResult {
  transactions: number;
  failed: number;
  tps: number;
  latencyAverage: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
}

/**
 * The same capacity-checked booking as takePlace (libs/events, event-locks.ts) plus the registration
 * insert, in one transaction, as bare SQL: the single-statement conditional UPDATE, then a
 * confirmed or waitlisted row. Emails and token hashes are made unique by the server.
 */
function script(eventId: string): string {
  const insert = (status: string, confirmedAt: string) =>
    'INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash, confirmed_at) ' +
    `VALUES ('${eventId}', 'pgbench-' || gen_random_uuid() || '@example.org', 'Bench Carer', 'parent_carer', ` +
    `'${status}', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), ${confirmedAt});`;
  return [
    'BEGIN;',
    `WITH took AS (UPDATE events SET places_taken = places_taken + 1 WHERE id = '${eventId}' AND places_taken < capacity RETURNING 1) SELECT count(*) AS took FROM took \\gset`,
    '\\if :took',
    insert('confirmed', 'now()'),
    '\\else',
    insert('waitlisted', 'NULL'),
    '\\endif',
    'END;',
    '',
  ].join('\n');
}

/** Runs pgbench with `clients` clients on 2 threads, `transactions` in all, logging each one. */
export async function pgbenchBaseline(
  databaseUrl: string,
  eventId: string,
  transactions: number,
  clients: number,
): Promise<PgbenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rt-pgbench-'));
  try {
    const file = path.join(dir, 'registration.sql');
    await writeFile(file, script(eventId));
    const url = new URL(databaseUrl);
    const { stdout } = await run(
      PGBENCH,
      [
        '-n',
        '-f',
        file,
        '-c',
        String(clients),
        '-j',
        '2',
        '-t',
        String(Math.ceil(transactions / clients)),
        '-l',
        `--log-prefix=${path.join(dir, 'tx')}`,
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        decodeURIComponent(url.username) || 'postgres',
        url.pathname.slice(1),
      ],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    );
    const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? NaN);
    // Each log line: client, transaction number, latency in microseconds, script, epoch, microseconds.
    const latencies: number[] = [];
    for (const name of (await readdir(dir)).filter((entry) => entry.startsWith('tx'))) {
      for (const line of (await readFile(path.join(dir, name), 'utf8')).split('\n')) {
        const fields = line.split(' ');
        if (fields.length >= 3) latencies.push(Number(fields[2]) / 1000);
      }
    }
    return {
      transactions: number(/number of transactions actually processed: (\d+)/),
      failed: number(/number of failed transactions: (\d+)/) || 0,
      tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
      latencyAverage: number(/latency average = ([\d.]+) ms/),
      latencyP50: percentile(latencies, 50),
      latencyP99: percentile(latencies, 99),
      latencyMax: latencies.length ? Math.max(...latencies) : Number.NaN,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
