import { randomBytes } from 'node:crypto';
import { AuditLog } from '@roundtable/identity';
import {
  FieldCipher,
  NAME_SEALED,
  REDACTED_STORY_SEALED,
  SEALED_COLUMNS,
  TestimonyRekey,
  TestimonyWriter,
  type RekeyResult,
} from '@roundtable/testimony';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
import { rekeyAnswer } from './rekey-answer';
import { addSealedNote, newTestimony, writeTestimonies } from '../../../../test/support/testimony-seed';

const t1 = { id: 't1', secret: randomBytes(32) };
const t2 = { id: 't2', secret: randomBytes(32) };

interface Run {
  result: RekeyResult;
  lines: string[];
}

/** Every sealed value in the database, by address, as stored. */
async function sealedValues(api: TestApi): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const { table, column } of SEALED_COLUMNS) {
    const rows = await api.dataSource.query(
      `SELECT id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    for (const row of rows) values.set(`${table}.${column}.${row.id}`, row.value);
  }
  return values;
}

/**
 * Key rotation, as `npm run cli -- reencrypt-testimony` runs it (TestimonyRekey, then
 * rekeyAnswer's lines; spawning the CLI from source takes a minute on a busy machine):
 * testimony sealed under t1, the command run with TESTIMONY_KEYS=t2,t1, and then
 * every value is under t2 and opens with t2 alone; a tampered value is reported, not sealed afresh.
 */
describe('npm run cli -- reencrypt-testimony', () => {
  let api: TestApi;
  const plaintexts = new Map<string, string>();
  let tampered: string;

  beforeAll(async () => {
    api = await createTestApi('reencrypt-testimony');
    // What the api had before the rotation: only t1.
    const cipher = new FieldCipher([t1]);
    const stories = Array.from({ length: 5 }, (_, index) => `Story number ${index}: we waited.`);
    const ids = await writeTestimonies(
      api.dataSource,
      new TestimonyWriter(cipher),
      stories.map((story, index) =>
        newTestimony(
          index % 2 === 0 ? { story, name: `Parent ${index}`, email: `p${index}@example.org` } : { story },
        ),
      ),
    );
    ids.forEach((id, index) => {
      plaintexts.set(`testimonies.story.${id}`, stories[index]);
      if (index % 2 === 0) {
        plaintexts.set(`testimonies.name.${id}`, `Parent ${index}`);
        plaintexts.set(`testimonies.email.${id}`, `p${index}@example.org`);
      }
    });
    await api.dataSource.query(`UPDATE testimonies SET redacted_story = $2 WHERE id = $1`, [
      ids[0],
      REDACTED_STORY_SEALED.seal(cipher, ids[0], 'Story number 0: [name] waited.'),
    ]);
    plaintexts.set(`testimonies.redacted_story.${ids[0]}`, 'Story number 0: [name] waited.');
    for (const id of ids.slice(0, 3)) {
      const noteId = await addSealedNote(api.dataSource, cipher, id, `Note on ${id}`);
      plaintexts.set(`testimony_notes.body.${noteId}`, `Note on ${id}`);
    }
    // A name moved from one row to another: it must fail to open, and stay as it is.
    tampered = NAME_SEALED.seal(cipher, ids[2], 'Moved Name');
    await api.dataSource.query(`UPDATE testimonies SET name = $2 WHERE id = $1`, [ids[1], tampered]);
  });
  afterAll(() => api?.close());

  /** The command's work with TESTIMONY_KEYS=t2,t1. */
  async function reencrypt(): Promise<Run> {
    const rekey = new TestimonyRekey(
      api.dataSource,
      new FieldCipher([t2, t1]),
      api.app.get(AuditLog, { strict: false }),
    );
    const result = await rekey.reencryptAll(2);
    return { result, lines: rekeyAnswer(result) };
  }

  let firstRun: Run;

  it('re-encrypts every sealed value under the new key and reports the tampered one', async () => {
    firstRun = await reencrypt();
    const [, tamperedId] = [...(await sealedValues(api)).entries()]
      .find(([, value]) => value === tampered)![0]
      .split(/\.name\./);
    expect(firstRun.lines).toEqual([
      `Re-encrypted ${plaintexts.size} of ${plaintexts.size + 1} sealed values under key "t2" (8 rows written; the rest were already under it).`,
      '1 could not be opened and were left as they are (see README, "Testimony keys"):',
      `  testimonies.name of row ${tamperedId}: TamperedSealedValue`,
    ]);
  });

  it('leaves every value readable with the new key alone, and the tampered one untouched', async () => {
    const onlyT2 = new FieldCipher([t2]);
    const stored = await sealedValues(api);
    expect(stored.size).toBe(plaintexts.size + 1);
    for (const [address, value] of stored) {
      if (value === tampered) continue;
      const [table, column, rowId] = address.split('.');
      expect(value).toMatch(/^v1\.t2\./);
      expect(onlyT2.decrypt(value, { table, column, rowId })).toBe(plaintexts.get(address));
    }
    expect([...stored.values()].filter((value) => value === tampered)).toHaveLength(1);
  });

  it('prints counts, never a value', () => {
    const said = firstRun.lines.join('\n');
    for (const text of plaintexts.values()) expect(said).not.toContain(text);
    expect(said).not.toContain('Moved Name');
  });

  it('changes nothing when run again, and audits each run with counts only', async () => {
    const before = await sealedValues(api);
    const again = await reencrypt();
    expect(again.lines[0]).toContain(
      `Re-encrypted 0 of ${plaintexts.size + 1} sealed values under key "t2" (0 rows written`,
    );
    expect(await sealedValues(api)).toEqual(before);
    const audits = await api.dataSource.query(
      `SELECT actor_id, action, detail FROM audit_log WHERE action = 'testimony.rekey' ORDER BY at`,
    );
    expect(audits).toEqual([
      {
        actor_id: null,
        action: 'testimony.rekey',
        detail: {
          keyId: 't2',
          values: plaintexts.size + 1,
          reencrypted: plaintexts.size,
          rowsWritten: 8,
          unreadable: 1,
        },
      },
      {
        actor_id: null,
        action: 'testimony.rekey',
        detail: { keyId: 't2', values: plaintexts.size + 1, reencrypted: 0, rowsWritten: 0, unreadable: 1 },
      },
    ]);
  });
});
