import {
  createNotificationTestBed,
  eventually,
  type NotificationTestBed,
} from '../../../../test/support/notification-test-bed';
import {
  allSettled,
  ledgerRow,
  plan,
  plannedFor,
  seedEvent,
  seedRegistration,
} from '../../../../test/support/notification-seed';

/** A confirmation for a new registration, planned and enqueued; returns its row id. */
async function planConfirmation(bed: NotificationTestBed): Promise<string> {
  const event = await seedEvent(bed.dataSource);
  const { registration } = await seedRegistration(bed.dataSource, event);
  const [row] = await plan(bed, [plannedFor('confirmation', event, registration)]);
  return row.id;
}

describe('SMTP failures: retried with backoff, and given up on after the last attempt', () => {
  let bed: NotificationTestBed;
  beforeAll(async () => {
    // The test policy: 4 attempts, 300 ms apart.
    bed = await createNotificationTestBed('notification-retries');
  });
  afterAll(() => bed?.close());

  it('retries while the server answers 451 "try later", then delivers once', async () => {
    const id = await planConfirmation(bed);
    bed.sink.refuse(2, 451, id);
    await eventually('sent', () => allSettled(bed, [id]));
    const row = await ledgerRow(bed, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(bed.sink.for(id)).toHaveLength(1);
    expect(row.smtpMessageId).toBe(bed.sink.for(id)[0].parsed.messageId);
  });

  it('retries a 5xx refusal too, in case it was the server and not the address', async () => {
    const id = await planConfirmation(bed);
    bed.sink.refuse(1, 554, id);
    await eventually('sent', () => allSettled(bed, [id]));
    expect(await ledgerRow(bed, id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(bed.sink.for(id)).toHaveLength(1);
  });

  it('keeps the row pending, with the error, while the server is down, and delivers once it is back', async () => {
    await bed.sink.stop();
    const id = await planConfirmation(bed);
    try {
      await eventually(
        'a failed attempt recorded',
        async () => (await ledgerRow(bed, id)).lastError !== null,
      );
      const waiting = await ledgerRow(bed, id);
      expect(waiting.status).toMatch(/^(pending|sending)$/);
      expect(waiting.lastError).toMatch(/ECONNECTION|ECONNREFUSED|ESOCKET/);
    } finally {
      await bed.sink.start();
    }
    await eventually('sent', () => allSettled(bed, [id]));
    const row = await ledgerRow(bed, id);
    expect(row).toMatchObject({ status: 'sent', lastError: null });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(bed.sink.for(id)).toHaveLength(1);
  });

  it('marks a message that keeps failing failed after the last attempt, with the reason and no address', async () => {
    const id = await planConfirmation(bed);
    bed.sink.refuse(10, 550, id);
    await eventually('failed', () => allSettled(bed, [id]));
    const row = await ledgerRow(bed, id);
    expect(row).toMatchObject({ status: 'failed', attempts: 4, smtpMessageId: null, sentAt: null });
    expect(row.lastError).toMatch(/^EMESSAGE at DATA 550: .*refused by the test sink \(550\)/);
    expect(row.lastError).not.toMatch(/@/);
    expect(bed.sink.for(id)).toEqual([]);
    // Nothing more happens to it: the job has failed for good and the sweeper leaves it alone.
    const job = await bed.queue.getJob(id);
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(4);
  });

  it('logs the failures by id, without an address', async () => {
    // Its own message, so the lines it reads are there whichever tests ran before it.
    const id = await planConfirmation(bed);
    bed.sink.refuse(10, 550, id);
    await eventually('failed', () => allSettled(bed, [id]));
    const logs = bed.logs.filter((line) => line.includes(id)).join('\n');
    expect(logs).toMatch(
      new RegExp(
        `Will retry confirmation notification ${id}, job [0-9a-f-]{36}, event [0-9a-f-]{36}, attempt 1: `,
      ),
    );
    expect(logs).toMatch(new RegExp(`Failed confirmation notification ${id}.*attempt 4: EMESSAGE`));
    expect(bed.logs.join('\n')).not.toMatch(/@example\.org|Sam Carer/);
  });
});
