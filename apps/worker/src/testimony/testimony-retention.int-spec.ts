import { getQueueToken } from '@nestjs/bullmq';
import { FixedClock } from '@roundtable/platform';
import {
  FieldCipher,
  TESTIMONY_JOBS,
  TESTIMONY_QUEUE,
  TestimonyRetention,
  TestimonyWriter,
} from '@roundtable/testimony';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { waitUntil } from '../../../../tools/local/wait';
import { createTestWorker, type TestWorker } from '../../../../test/support/test-worker';
import {
  addCampaign,
  addSealedNote,
  newTestimony,
  themeId,
  writeTestimonies,
} from '../../../../test/support/testimony-seed';

const NOW = new Date('2026-06-15T12:00:00Z');
/** 24 months (the default) before NOW: testimony given before this instant is due. */
const CUTOFF = new Date('2024-06-15T12:00:00Z');
const MINUTE = 60_000;

/**
 * The retention sweep in the real worker against its own database, with the clock pinned:
 * testimony older than TESTIMONY_RETENTION_MONTHS goes, with its themes, notes and referrals;
 * what is left is counts per campaign and an audit entry with counts only.
 */
describe('testimony retention sweep', () => {
  const clock = new FixedClock(NOW);
  let testWorker: TestWorker;
  let dataSource: DataSource;
  let retention: TestimonyRetention;
  let campaignA: string;
  let campaignB: string;
  const kept: string[] = [];
  const expired: string[] = [];

  beforeAll(async () => {
    testWorker = await createTestWorker('testimony-retention', {}, { clock });
    await testWorker.worker.init();
    dataSource = testWorker.worker.get(DataSource);
    retention = testWorker.worker.get(TestimonyRetention);
    campaignA = await addCampaign(dataSource, 'SEND consultation');
    campaignB = await addCampaign(dataSource, 'Transport');
    const funding = await themeId(dataSource, 'funding');
    const writer = testWorker.worker.get(TestimonyWriter);
    const at = (time: Date, campaignId: string | null) =>
      newTestimony({ submittedAt: time, campaignId, themeIds: [funding], caseworkRequested: true });
    const old = new Date(CUTOFF.getTime() - MINUTE);
    expired.push(
      ...(await writeTestimonies(dataSource, writer, [
        at(new Date('2023-01-01T00:00:00Z'), campaignA),
        at(new Date('2024-01-10T09:00:00Z'), campaignA),
        at(old, campaignA),
        at(old, campaignB),
        at(new Date('2022-05-05T00:00:00Z'), campaignB),
        at(old, null),
      ])),
    );
    kept.push(
      ...(await writeTestimonies(dataSource, writer, [
        at(CUTOFF, campaignA), // exactly 24 months: not yet older than the period
        at(new Date(CUTOFF.getTime() + MINUTE), campaignB),
        at(new Date('2026-06-01T00:00:00Z'), null),
      ])),
    );
    const cipher = testWorker.worker.get(FieldCipher);
    for (const id of [...expired, ...kept]) {
      await addSealedNote(dataSource, cipher, id, 'Called the family back.');
      await dataSource.query(`INSERT INTO casework_referrals (testimony_id) VALUES ($1)`, [id]);
    }
  });
  afterAll(() => testWorker?.close());

  const countRows = async (table: string): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  const idsIn = async (table: string, column = 'testimony_id'): Promise<string[]> =>
    (await dataSource.query(`SELECT DISTINCT ${column} AS id FROM ${table} ORDER BY 1`)).map(
      (row: { id: string }) => row.id,
    );

  it('keeps its schedule in Redis under the job name', async () => {
    const queue = testWorker.worker.get<Queue>(getQueueToken(TESTIMONY_QUEUE));
    const scheduler = await queue.getJobScheduler(TESTIMONY_JOBS.eraseExpired);
    expect(scheduler).toMatchObject({ name: TESTIMONY_JOBS.eraseExpired, every: 60 * MINUTE });
  });

  it('erases what is older than the period, in batches, and leaves the rest untouched', async () => {
    const untouched = { themes: await countRows('themes'), campaigns: 2 };
    const before = await dataSource.query(`SELECT * FROM testimonies WHERE id = ANY($1) ORDER BY id`, [kept]);

    const result = await retention.eraseExpired(4);

    expect(result).toEqual({ erased: 6, batches: 2 });
    const sorted = [...kept].sort();
    expect(await idsIn('testimonies', 'id')).toEqual(sorted);
    expect(await idsIn('testimony_themes')).toEqual(sorted);
    expect(await idsIn('testimony_notes')).toEqual(sorted);
    expect(await idsIn('casework_referrals')).toEqual(sorted);
    expect(await dataSource.query(`SELECT * FROM testimonies ORDER BY id`)).toEqual(before);
    expect(await countRows('themes')).toBe(untouched.themes);
    expect(await countRows('campaigns')).toBe(untouched.campaigns);
  });

  it('records a count per campaign and audits each batch with counts only', async () => {
    const erasures = await dataSource.query(
      `SELECT campaign_id, reason, SUM(count)::int AS count FROM testimony_erasures
        GROUP BY campaign_id, reason ORDER BY count DESC`,
    );
    expect(erasures).toEqual([
      { campaign_id: campaignA, reason: 'retention', count: 3 },
      { campaign_id: campaignB, reason: 'retention', count: 2 },
      { campaign_id: null, reason: 'retention', count: 1 },
    ]);
    const audits = await dataSource.query(
      `SELECT actor_id, action, subject_type, subject_id, detail FROM audit_log
        ORDER BY (detail->>'count')::int DESC`,
    );
    expect(audits.map((audit: { detail: { count: number } }) => audit.detail.count)).toEqual([4, 2]);
    for (const audit of audits) {
      expect(audit).toMatchObject({
        actor_id: null,
        action: 'testimony.erase',
        subject_type: 'testimony',
        subject_id: null,
        detail: { reason: 'retention', retentionMonths: 24 },
      });
      expect(Object.keys(audit.detail).sort()).toEqual(['campaigns', 'count', 'reason', 'retentionMonths']);
    }
    expect(JSON.stringify(audits)).not.toMatch(/waited|Called|SEND|Transport/);
  });

  it('erases nothing more when it runs again', async () => {
    const erasures = await countRows('testimony_erasures');
    expect(await retention.eraseExpired()).toEqual({ erased: 0, batches: 0 });
    expect(await countRows('testimonies')).toBe(kept.length);
    expect(await countRows('testimony_erasures')).toBe(erasures);
    expect(await countRows('audit_log')).toBe(2);
  });

  it('runs as the worker’s job once time moves on', async () => {
    // A month on, the two kept nearest the old boundary are due too.
    clock.set(new Date('2026-07-15T12:00:00Z'));
    const queue = testWorker.worker.get<Queue>(getQueueToken(TESTIMONY_QUEUE));
    await queue.add(TESTIMONY_JOBS.eraseExpired, {}, { removeOnComplete: true });
    const oneLeft = async () => (await countRows('testimonies')) === 1;
    await waitUntil('the queued sweep erases the next two', oneLeft, { timeoutMs: 15_000 });
    expect(await idsIn('testimonies', 'id')).toEqual([kept[2]]);
    expect(await countRows('audit_log')).toBe(3);
  });
  it('clears the sealed rows of a survey upload left past its day, in the same hourly job', async () => {
    const [{ id }] = await dataSource.query(
      `INSERT INTO testimony_imports (id, status, format, fingerprint, headers, row_count, rows, expires_at)
       VALUES (gen_random_uuid(), 'parsed', 'csv', 'f', '[]', 1, 'sealed-rows', $1) RETURNING id`,
      [new Date('2026-07-15T11:00:00Z')],
    );
    const queue = testWorker.worker.get<Queue>(getQueueToken(TESTIMONY_QUEUE));
    await queue.add(TESTIMONY_JOBS.eraseExpired, {}, { removeOnComplete: true });
    const cleared = async () =>
      (await dataSource.query('SELECT rows FROM testimony_imports WHERE id = $1', [id]))[0].rows === null;
    await waitUntil('the queued sweep clears the upload', cleared, { timeoutMs: 15_000 });
  });
});
