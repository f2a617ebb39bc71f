import ExcelJS from 'exceljs';
import { EXAMPLE_SURVEY_HEADERS } from '../../libs/testimony/src/imports/example-survey-headers';
import { formsWorkbook } from '../../test/support/survey-export';
import { ADMIN } from '../support/environment';
import { load } from '../support/machine';
import { startStack } from '../support/stack';
import { fixed, ratio, report } from '../support/stats';
import { insertPlainRows } from './plain-inserts';
import { surveyResponses } from './survey-responses';

const COUNT = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

/**
 * A 10,000-row Forms export through the real api: upload (parse, seal the rows), preview with a
 * mapping (every row translated and checked), commit (every row sealed and written through
 * TestimonyWriter in one transaction), against the same file read by exceljs alone plus the same
 * rows as plain multi-row INSERTs, in the same run.
 */
export async function testimonyImportBenchmark(): Promise<boolean> {
  const stack = await startStack('testimony-import', { api: true });
  try {
    const client = stack.client!;
    const responses = surveyResponses(COUNT);
    const file = await formsWorkbook(responses);
    const expected = responses.filter((response) => response.story).length;
    console.log(
      `\ntestimony-import: ${COUNT} rows, ${fixed(file.length / 1024 / 1024, 2)} MB .xlsx (load ${load()})`,
    );
    const { token } = (await client.call('POST', '/api/v1/auth/login', ADMIN, 200)) as { token: string };
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = process.hrtime.bigint();
      const result = await work();
      return [result, Number(process.hrtime.bigint() - started) / 1e9];
    };

    const cpuBefore = stack.api!.cpuSeconds();
    const [uploaded, uploadSeconds] = await timed(async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), 'responses.xlsx');
      const res = await fetch(`${client.baseUrl}/api/v1/testimony-imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (res.status !== 201)
        throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
      return (await res.json()) as { id: string };
    });
    const mapping = { columns: EXAMPLE_SURVEY_HEADERS, answers: [] };
    const [preview, previewSeconds] = await timed(
      () =>
        client.call('POST', `/api/v1/testimony-imports/${uploaded.id}/preview`, { mapping }, 200) as Promise<{
          counts: Record<string, number>;
        }>,
    );
    const [result, commitSeconds] = await timed(
      () =>
        client.call('POST', `/api/v1/testimony-imports/${uploaded.id}/commit`, undefined, 200) as Promise<{
          imported: number;
          refused: number;
        }>,
    );
    const apiCpu = stack.api!.cpuSeconds() - cpuBefore;
    const appSeconds = uploadSeconds + previewSeconds + commitSeconds;
    const [stored] = await stack.database.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM testimonies WHERE source = 'import'",
    );

    const [, readSeconds] = await timed(async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
      let cells = 0;
      workbook.worksheets[0].eachRow((row) => (cells += row.cellCount));
      return cells;
    });
    const insertSeconds = await insertPlainRows(stack.database.url, responses);
    const baselineSeconds = readSeconds + insertSeconds;

    report('testimony-import: app (upload, preview, commit through the api)', [
      ['upload (parse, seal rows)', `${fixed(uploadSeconds, 2)} s`],
      ['preview with mapping', `${fixed(previewSeconds, 2)} s (${JSON.stringify(preview.counts)})`],
      ['commit (seal, insert, tag themes)', `${fixed(commitSeconds, 2)} s (${JSON.stringify(result)})`],
      ['total', `${fixed(appSeconds, 2)} s`],
      ['rows/s (whole file)', fixed(COUNT / appSeconds)],
      ['api CPU per row', `${fixed((apiCpu * 1000) / COUNT, 2)} ms`],
      ['testimonies stored', stored.count],
    ]);
    report('testimony-import: baseline (exceljs read alone + plain multi-row INSERTs)', [
      ['exceljs read', `${fixed(readSeconds, 2)} s`],
      ['plain INSERTs, 500 a statement', `${fixed(insertSeconds, 2)} s`],
      ['total', `${fixed(baselineSeconds, 2)} s`],
      ['rows/s', fixed(COUNT / baselineSeconds)],
    ]);
    report('testimony-import: ratio app / baseline', [
      ['time', ratio(appSeconds, baselineSeconds)],
      ['commit / plain INSERTs', ratio(commitSeconds, insertSeconds)],
      ['upload / exceljs read', ratio(uploadSeconds, readSeconds)],
      ['load average after', load()],
    ]);
    return result.imported === expected && stored.count === expected;
  } finally {
    await stack.close();
  }
}
