import { MailTransport, NOTIFICATION_JOBS } from '@roundtable/notifications';
import {
  createNotificationTestBed,
  eventually,
  type NotificationTestBed,
  type RunningWorker,
} from '../../../../test/support/notification-test-bed';
import {
  allSettled,
  ledgerRows,
  plan,
  plannedFor,
  seedEvent,
  seedRegistration,
} from '../../../../test/support/notification-seed';

describe('two workers on one database and one queue', () => {
  let bed: NotificationTestBed;
  let second: RunningWorker;
  beforeAll(async () => {
    bed = await createNotificationTestBed('notification-concurrency');
    second = await bed.startWorker();
  });
  afterAll(() => bed?.close());

  it('send each message once, even with every row on the queue twice', async () => {
    const event = await seedEvent(bed.dataSource);
    const planned = [];
    for (let i = 0; i < 40; i += 1) {
      const { registration } = await seedRegistration(bed.dataSource, event);
      planned.push(plannedFor('confirmation', event, registration));
    }
    const sends = [bed.first, second].map((worker) => jest.spyOn(worker.app.get(MailTransport), 'send'));
    const rows = await plan(bed, planned);
    // A second job per row under another id (as a stray duplicate would be), so that both
    // workers race for the same rows and only the claim stands between them and a double send.
    await bed.queue.addBulk(
      rows.map((row) => ({
        name: NOTIFICATION_JOBS.send,
        data: { notificationId: row.id },
        opts: { jobId: `duplicate-${row.id}` },
      })),
    );
    const ids = rows.map((row) => row.id);
    await eventually('all sent', () => allSettled(bed, ids));

    for (const row of await ledgerRows(bed, ids)) {
      const mails = bed.sink.for(row.id);
      expect({ id: row.id, received: mails.length }).toEqual({ id: row.id, received: 1 });
      expect(row).toMatchObject({ status: 'sent', attempts: 1, smtpMessageId: mails[0].parsed.messageId });
    }
    // Both workers took part, and between them sent one message per row.
    const sentBy = sends.map((spy) => spy.mock.calls.length);
    expect(sentBy[0] + sentBy[1]).toBe(40);
    expect(sentBy.every((count) => count > 0)).toBe(true);
  });
});
