import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
// By path: these name no Nest module, so nothing reads the configuration before it is set.
import { STORY_SEALED } from '../libs/testimony/src/testimonies/testimony.entity';
import type { NewTestimony } from '../libs/testimony/src/testimonies/new-testimony';
import { createBenchDatabase, type BenchDatabase } from './support/database';
import { appEnvironment, redisPrefix, REDIS_URL } from './support/environment';
import { load } from './support/machine';
import { fixed, ratio, report } from './support/stats';
import { publicRouteBurst } from './testimony-intake/route-burst';

const COUNT = Number(process.env.BENCH_TESTIMONIES ?? 4_000);
/** Submissions in flight at once, as many people sending the form together (the pool is 10). */
const CONCURRENCY = Number(process.env.BENCH_INTAKE_CONCURRENCY ?? 10);
/** Rows per transaction for the import-like run: what TestimonyWriter writes per statement. */
const IMPORT_BATCH = 500;
const ROUNDS = 2;
/** Submissions sent to the public route by autocannon. */
const ROUTE_COUNT = Number(process.env.BENCH_ROUTE_TESTIMONIES ?? 2_000);

/**
 * Intake with encryption against the same rows without it, in one run: TestimonyWriter (sealing
 * the story, name and email with AES-256-GCM under the row id, then inserting the row and its
 * themes) against the same TypeORM inserts of the same rows in plain text. Two shapes: one
 * testimony per transaction, CONCURRENCY at once (the public form), and IMPORT_BATCH per
 * transaction (a survey import). Rounds alternate app and baseline, so drift in the machine's
 * load falls on both. Then the public route itself, in the built api process, against the plain
 * per-submission rate.
 */
export async function testimonyIntakeBenchmark(): Promise<boolean> {
  const { sealedChecked, plainPerSubmission } = await writerAgainstPlain();
  const route = await publicRouteBurst(ROUTE_COUNT, CONCURRENCY, submission(0, []).story);
  report(`testimony-intake: the public route, ${ROUTE_COUNT} named submissions, ${CONCURRENCY} connections`, [
    ['stored / errors and non-2xx', `${route.stored} / ${route.non2xx}`],
    ['testimonies/s (api process, receipts planned, no worker)', fixed(route.perSecond)],
    ['api CPU per testimony', `${fixed(route.apiCpuMsPerRow, 2)} ms`],
    ['ratio route / plain inserts (one per transaction)', ratio(route.perSecond, plainPerSubmission)],
    ['load average after', load()],
  ]);
  return sealedChecked && route.stored === ROUTE_COUNT && route.non2xx === 0;
}

/** TestimonyWriter against plain inserts, in this process; the plain rate per submission for the route's ratio. */
async function writerAgainstPlain(): Promise<{ sealedChecked: boolean; plainPerSubmission: number }> {
  const database = await createBenchDatabase('testimony-intake', REDIS_URL);
  let app: INestApplicationContext | undefined;
  try {
    app = await startContext(database);
    const { DataSource } = await import('typeorm');
    const { FieldCipher, Testimony, TestimonyTheme, TestimonyWriter } = await import('@roundtable/testimony');
    const dataSource = app.get(DataSource);
    const writer = app.get(TestimonyWriter);
    const cipher = app.get(FieldCipher);
    const themeIds = (
      await database.query<{ id: string }>(`SELECT id FROM themes ORDER BY slug LIMIT 2`)
    ).map((row) => row.id);
    const rows = Array.from({ length: COUNT }, (_, index) => submission(index, themeIds));

    /** The same rows and tags as the writer inserts, in plain text: no sealing. */
    const plainInsert = async (manager: import('typeorm').EntityManager, batch: readonly NewTestimony[]) => {
      const plain = batch.map(({ themeIds: _tags, ...row }) => ({
        ...row,
        id: randomUUID(),
        submittedAt: new Date(),
      }));
      await manager.getRepository(Testimony).insert(plain);
      const tags = plain.flatMap((row, index) =>
        batch[index].themeIds.map((themeId) => ({ testimonyId: row.id, themeId })),
      );
      await manager.getRepository(TestimonyTheme).insert(tags);
    };
    const sealedInsert = (manager: import('typeorm').EntityManager, batch: readonly NewTestimony[]) =>
      writer.insert(manager, batch);

    const run = async (insert: Insert, batchSize: number, concurrency: number): Promise<number> => {
      await database.query('TRUNCATE testimonies CASCADE');
      const batches = chunk(rows, batchSize);
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < batches.length) {
            const batch = batches[next++];
            await dataSource.transaction((manager) => insert(manager, batch));
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM testimonies');
      if (n !== COUNT) throw new Error(`wrote ${n} of ${COUNT} testimonies`);
      return COUNT / seconds;
    };

    console.log(`\ntestimony-intake: ${COUNT} testimonies, ${ROUNDS} rounds each (load ${load()})`);
    const shapes = [
      { name: `one per transaction, ${CONCURRENCY} at once (the form)`, batch: 1, concurrency: CONCURRENCY },
      { name: `${IMPORT_BATCH} per transaction (an import)`, batch: IMPORT_BATCH, concurrency: 1 },
    ];
    let sealedChecked = false;
    let plainPerSubmission = Number.NaN;
    for (const shape of shapes) {
      const sealed: number[] = [];
      const plain: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        sealed.push(await run(sealedInsert, shape.batch, shape.concurrency));
        sealedChecked ||= await storiesAreSealed(database, (id, value) =>
          STORY_SEALED.open(cipher, id, value),
        );
        plain.push(await run(plainInsert, shape.batch, shape.concurrency));
      }
      const sealedRate = mean(sealed);
      const plainRate = mean(plain);
      if (shape.batch === 1) plainPerSubmission = plainRate;
      report(`testimony-intake: ${shape.name}`, [
        ['TestimonyWriter (sealed) rows/s, each round', sealed.map((rate) => fixed(rate)).join(' / ')],
        ['plain inserts rows/s, each round', plain.map((rate) => fixed(rate)).join(' / ')],
        ['mean rows/s sealed / plain', `${fixed(sealedRate)} / ${fixed(plainRate)}`],
        ['ratio sealed / plain (throughput)', ratio(sealedRate, plainRate)],
        ['load average after', load()],
      ]);
    }
    report('testimony-intake: sealing alone (3 fields a row, no database)', [
      [
        'µs per row',
        fixed(
          sealingMicroseconds(rows, (id, text) => STORY_SEALED.seal(cipher, id, text)),
          1,
        ),
      ],
    ]);
    return { sealedChecked, plainPerSubmission };
  } finally {
    await app?.close();
    await database.drop();
  }
}

/** TestimonyModule in a Nest application context on the benchmark's database. */
async function startContext(database: BenchDatabase): Promise<INestApplicationContext> {
  Object.assign(process.env, {
    ...appEnvironment({
      databaseUrl: database.url,
      prefix: redisPrefix('testimony-intake'),
      smtpUrl: 'smtp://127.0.0.1:1',
      port: 0,
    }),
  });
  const { PlatformModule } = await import('@roundtable/platform');
  const { TestimonyModule } = await import('@roundtable/testimony');
  // Declared only now: PlatformModule.forRoot() validates the configuration set just above.
  @Module({ imports: [PlatformModule.forRoot(), TestimonyModule] })
  class TestimonyIntakeBenchModule {}
  return NestFactory.createApplicationContext(TestimonyIntakeBenchModule, { logger: ['error', 'warn'] });
}

/** A submission of realistic size: a story of about 1,400 characters, a name and an email. */
function submission(index: number, themeIds: string[]): NewTestimony {
  const story =
    `Submission ${index}. My daughter is nine and autistic. We asked for an EHC needs assessment in ` +
    'September and were told to wait for the next panel. '.repeat(25);
  return {
    source: 'public',
    role: 'parent-carer',
    area: 'dudley',
    onBehalfOfYoungPerson: index % 3 === 0,
    assessmentWaitWeeks: 20 + (index % 40),
    planWaitWeeks: 30 + (index % 50),
    deadline: 'missed',
    tribunal: null,
    ageBand: '5-10',
    schoolPhase: 'primary',
    quoteConsent: 'quote-anonymously',
    contactConsent: index % 2 === 0,
    shareWithAuthority: false,
    caseworkRequested: false,
    story: story.slice(0, 1_400),
    name: `Parent Number ${index}`,
    email: `parent${index}@example.org`,
    themeIds,
  };
}

/** A sample of stored stories is sealed and opens to the text written. */
async function storiesAreSealed(
  database: BenchDatabase,
  open: (id: string, value: string) => string,
): Promise<boolean> {
  const sample = await database.query<{ id: string; story: string }>(
    'SELECT id, story FROM testimonies LIMIT 20',
  );
  return sample.every(
    (row) => row.story.startsWith('v1.') && open(row.id, row.story).startsWith('Submission '),
  );
}

/** The CPU cost of sealing a row's story, name and email, measured apart from the database. */
function sealingMicroseconds(
  rows: readonly NewTestimony[],
  seal: (id: string, text: string) => string,
): number {
  const started = performance.now();
  for (const row of rows) {
    const id = randomUUID();
    for (const text of [row.story, row.name!, row.email!]) seal(id, text);
  }
  return ((performance.now() - started) * 1000) / rows.length;
}

/** Writes one batch of testimonies in the transaction it is given. */
type Insert = (manager: import('typeorm').EntityManager, batch: readonly NewTestimony[]) => Promise<unknown>;

function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
