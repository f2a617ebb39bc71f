import type { Notification } from '@roundtable/notifications';
import {
  createNotificationTestBed,
  eventually,
  type NotificationTestBed,
  type RunningWorker,
} from '../../../../test/support/notification-test-bed';
import {
  allSettled,
  ledgerRow,
  ledgerRows,
  plan,
  plannedFor,
  seedEvent,
  seedRegistration,
} from '../../../../test/support/notification-seed';
import { NotificationsProcessor } from './notifications.processor';

/** Stops a worker in this process taking jobs, so the one under test gets them all. */
async function pause(worker: RunningWorker): Promise<void> {
  await worker.app.get(NotificationsProcessor).worker.pause();
}

async function countByStatus(bed: NotificationTestBed, ids: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await ledgerRows(bed, ids)) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

describe('workers stopping', () => {
  let bed: NotificationTestBed;
  beforeAll(async () => {
    bed = await createNotificationTestBed('worker-crash');
    await pause(bed.first);
  });
  afterAll(() => bed?.close());

  it('a worker killed mid-batch: a new one sends every message exactly once', async () => {
    const event = await seedEvent(bed.dataSource);
    const planned = [];
    for (let i = 0; i < 24; i += 1) {
      const { registration } = await seedRegistration(bed.dataSource, event);
      planned.push(plannedFor('confirmation', event, registration));
    }
    // The SMTP server takes 6 messages, then goes quiet: the next sends hang mid-DATA.
    bed.sink.hold(6);
    const ids = (await plan(bed, planned)).map((row) => row.id);

    const doomed = await bed.spawnWorker();
    await eventually(
      'six sent and recorded, more in flight',
      async () => (await countByStatus(bed, ids)).sent === 6 && bed.sink.heldCount > 0,
    );
    // The one window no design closes (SMTP accepted, the ledger not yet told) is shut by
    // waiting for the six to be recorded; everything else is mid-flight when the process dies.
    await doomed.kill();
    const atKill = await ledgerRows(bed, ids);
    const claimedByTheDead = atKill.filter((row) => row.status === 'sending').map((row) => row.id);
    expect(claimedByTheDead.length).toBeGreaterThan(0);
    expect(atKill.filter((row) => row.status === 'sent')).toHaveLength(6);

    await eventually('the dead connections closed', async () => bed.sink.connectionCount === 0);
    await bed.sink.release();
    const successor = await bed.startWorker();
    // Jobs the dead worker held are re-run once their locks lapse (15 s); its claims are handed
    // back once their lease (4 s here) is over.
    await eventually('all sent', () => allSettled(bed, ids), 90_000);

    const rows = await ledgerRows(bed, ids);
    for (const row of rows) {
      const mails = bed.sink.for(row.id);
      expect({ id: row.id, received: mails.length }).toEqual({ id: row.id, received: 1 });
      expect(row).toMatchObject({
        status: 'sent',
        lastError: null,
        smtpMessageId: mails[0].parsed.messageId,
      });
      // One attempt each, and a second for the rows the dead worker had claimed.
      expect(row.attempts).toBe(claimedByTheDead.includes(row.id) ? 2 : 1);
    }
    expect(bed.sink.received.filter((mail) => ids.includes(mail.notificationId ?? ''))).toHaveLength(24);
    await pause(successor);
  }, 120_000);

  it('a worker shut down gracefully finishes the send in flight before the database closes', async () => {
    const leaving = await bed.startWorker();
    const event = await seedEvent(bed.dataSource);
    const { registration } = await seedRegistration(bed.dataSource, event);
    bed.sink.hold();
    const [row] = await plan(bed, [plannedFor('confirmation', event, registration)]);
    await eventually('the send is in flight', async () => bed.sink.heldCount === 1);

    let closed = false;
    const closing = leaving.close().then(() => {
      closed = true;
    });
    // The queue worker has begun to close: all that is left for it is the send in flight.
    const queueWorker = leaving.app.get(NotificationsProcessor).worker;
    await eventually('the queue worker is closing', async () => queueWorker.closing !== undefined);
    expect(closed).toBe(false);
    expect((await ledgerRow(bed, row.id)).status).toBe('sending');

    await bed.sink.release();
    await closing;
    const sent: Notification = await ledgerRow(bed, row.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(bed.sink.for(row.id)).toHaveLength(1);
    expect(bed.logs).toContain('Worker: Worker stopped');
  });

  it('SIGTERM to main.ts: the send in flight finishes, then the process exits', async () => {
    const event = await seedEvent(bed.dataSource);
    const { registration } = await seedRegistration(bed.dataSource, event);
    const main = await bed.spawnMain();
    bed.sink.hold();
    const [row] = await plan(bed, [plannedFor('confirmation', event, registration)]);
    await eventually('the send is in flight', async () => bed.sink.heldCount === 1);

    main.terminate();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(main.running).toBe(true);
    expect((await ledgerRow(bed, row.id)).status).toBe('sending');

    await bed.sink.release();
    await main.exited;
    expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(bed.sink.for(row.id)).toHaveLength(1);
    const output = main.output.join('');
    expect(output).toContain(`Sent confirmation notification ${row.id}`);
    expect(output).toContain('Worker stopped on SIGTERM');
    expect(output).not.toContain(registration.email);
    expect(output).not.toContain(registration.name);
  });
});
