import { NotificationLedger } from '@roundtable/notifications';
import { createNotificationTestBed, type NotificationTestBed } from '../../../../test/support/notification-test-bed';
import { ledgerRows, plan, plannedFor, seedEvent, seedRegistration } from '../../../../test/support/notification-seed';
import { LedgerBatches } from './ledger-batches';

/** A week ahead: no sweep of the running worker takes these rows while the test claims them. */
const LATER = new Date(Date.now() + 7 * 24 * 3600_000);

describe('LedgerBatches: the claims and mark-sents of the jobs in flight, in one statement each', () => {
  let bed: NotificationTestBed;
  let batches: LedgerBatches;
  let ledger: NotificationLedger;
  beforeAll(async () => {
    bed = await createNotificationTestBed('ledger-batches');
    batches = bed.first.app.get(LedgerBatches);
    ledger = bed.first.app.get(NotificationLedger);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => bed?.close());

  async function pendingRows(count: number): Promise<string[]> {
    const event = await seedEvent(bed.dataSource);
    const planned = [];
    for (let i = 0; i < count; i += 1) {
      const { registration } = await seedRegistration(bed.dataSource, event);
      planned.push(plannedFor('confirmation', event, registration, { sendAt: LATER }));
    }
    return (await plan(bed, planned, { enqueue: false })).map((row) => row.id);
  }

  it('claims rows asked for together in one statement, each caller getting its own row or null', async () => {
    const ids = await pendingRows(8);
    const taken = ids[7];
    await batches.claim(taken);
    const statements = jest.spyOn(ledger, 'claimManyWith');

    const claimed = await Promise.all(ids.map((id) => batches.claim(id)));

    expect(statements).toHaveBeenCalledTimes(1);
    expect(claimed.slice(0, 7).map((one) => one?.row.id)).toEqual(ids.slice(0, 7));
    // Already claimed above: not pending, so not this caller's.
    expect(claimed[7]).toBeNull();
    // Each claimed row arrives with its facts, as a single claim's would.
    expect(claimed[0]?.facts).toMatchObject({ id: ids[0], rm_id: expect.any(String) });
    const rows = await ledgerRows(bed, ids);
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ['sending', 1]));
  });

  it('marks rows sent together in one statement, each with its own Message-ID', async () => {
    const ids = await pendingRows(5);
    await Promise.all(ids.map((id) => batches.claim(id)));
    const statements = jest.spyOn(ledger, 'markManySent');

    await Promise.all(ids.map((id, n) => batches.markSent(id, `<message-${n}@roundtable.test>`)));

    expect(statements).toHaveBeenCalledTimes(1);
    const rows = await ledgerRows(bed, ids);
    expect(rows.map((row) => [row.status, row.smtpMessageId])).toEqual(
      ids.map((_, n) => ['sent', `<message-${n}@roundtable.test>`]),
    );
    expect(rows.every((row) => row.sentAt instanceof Date)).toBe(true);
  });

  it('tries each row alone when a batch fails, so one statement failing fails no row by itself', async () => {
    const ids = await pendingRows(4);
    // As a deadlock with another writer would: the statement fails and claims nothing.
    jest.spyOn(ledger, 'claimManyWith').mockRejectedValueOnce(
      Object.assign(new Error('deadlock detected'), { code: '40P01' }),
    );
    const alone = jest.spyOn(ledger, 'claimWith');

    const claimed = await Promise.all(ids.map((id) => batches.claim(id)));

    expect(claimed.map((one) => one?.row.id)).toEqual(ids);
    expect(alone).toHaveBeenCalledTimes(4);
    expect((await ledgerRows(bed, ids)).map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
  });

  it('a lone claim fails as itself when its statement fails', async () => {
    const [id] = await pendingRows(1);
    jest.spyOn(ledger, 'claimManyWith').mockRejectedValueOnce(new Error('connection lost'));
    await expect(batches.claim(id)).rejects.toThrow('connection lost');
    // Nothing claimed: a retry of the job finds the row pending.
    expect((await ledgerRows(bed, [id]))[0].status).toBe('pending');
  });
});
