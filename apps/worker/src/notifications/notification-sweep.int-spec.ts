import { NOTIFICATIONS_QUEUE } from '@roundtable/notifications';
import { RequestContext } from '@roundtable/platform';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { testRedisUrl } from '../../../../test/support/test-database';
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

describe('the sweeper: the database, not Redis, is the truth', () => {
  let bed: NotificationTestBed;
  beforeAll(async () => {
    // The test policy sweeps every 500 ms and takes a claim older than 4 s for a dead worker's.
    bed = await createNotificationTestBed('notification-sweep');
  });
  afterAll(() => bed?.close());

  async function seeded(count = 1) {
    const event = await seedEvent(bed.dataSource);
    const registrations = [];
    for (let i = 0; i < count; i += 1)
      registrations.push((await seedRegistration(bed.dataSource, event)).registration);
    return { event, registrations };
  }

  it('delivers rows committed but never enqueued (a crash, or Redis away, between commit and enqueue)', async () => {
    const { event, registrations } = await seeded(3);
    // Planned while a request was being served: the ledger records that request's id.
    const rows = await bed.first.app.get(RequestContext).run('request-that-crashed', () =>
      plan(
        bed,
        registrations.map((registration) => plannedFor('confirmation', event, registration)),
        { enqueue: false },
      ),
    );
    const ids = rows.map((row) => row.id);
    await eventually('all swept and sent', () => allSettled(bed, ids));
    for (const id of ids) {
      expect(await ledgerRow(bed, id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(bed.sink.for(id)).toHaveLength(1);
      // The swept job still carries the request id, so the worker's logs join up with the api's.
      expect(bed.logs).toContainEqual(
        expect.stringContaining(`${id}, job ${id}, request request-that-crashed`),
      );
    }
  });

  it('delivers rows whose jobs Redis lost, and puts the sweep schedule itself back', async () => {
    const { event, registrations } = await seeded(2);
    const sendAt = new Date(Date.now() + 2_000);
    const rows = await plan(
      bed,
      registrations.map((registration) =>
        plannedFor('reminder', event, registration, { payload: { offset: 'P1D' }, sendAt }),
      ),
    );
    expect(await bed.queue.getJob(rows[0].id)).toBeDefined();
    // Every key of the queue goes, as in a flush or a failover to an empty replica: the delayed
    // jobs and the sweep's Job Scheduler alike.
    const redis = new Redis(testRedisUrl());
    try {
      const keys = await redis.keys(`${bed.env.REDIS_PREFIX}:${NOTIFICATIONS_QUEUE}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    expect(await bed.queue.getJob(rows[0].id)).toBeUndefined();
    expect(await bed.queue.getJobSchedulers()).toEqual([]);

    const ids = rows.map((row) => row.id);
    await eventually('swept and sent', () => allSettled(bed, ids));
    for (const id of ids) {
      const row = await ledgerRow(bed, id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1 });
      expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(sendAt.getTime());
      expect(bed.sink.for(id)).toHaveLength(1);
    }
    // Each worker upserts the schedule again every ten sweep periods. A sweep that was running
    // when its keys went can fail to finish (BullMQ: "Missing key for job"), so the schedule is
    // back once that recheck has run, not necessarily by the time the rows are sent.
    const sweepScheduled = async () =>
      (await bed.queue.getJobSchedulers()).some((scheduler) => scheduler.key === 'sweep-notifications');
    await eventually('the sweep schedule back in Redis', sweepScheduled);
  });

  it('hands back a row a dead worker claimed, once its lease is over, though its job has finished', async () => {
    const { event, registrations } = await seeded();
    const [row] = await plan(bed, [plannedFor('confirmation', event, registrations[0])], { enqueue: false });
    // A worker claimed it (attempt 1) and died before sending; its job later re-ran, found the
    // row taken, and completed. Only the lease can free the row now.
    await bed.dataSource.query(
      `UPDATE notifications SET status = 'sending', claimed_at = now(), attempts = 1 WHERE id = $1`,
      [row.id],
    );
    await bed.outbox.enqueue([row]);
    await eventually(
      'its job completed',
      async () => (await bed.queue.getJob(row.id))?.finishedOn !== undefined,
    );
    expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(bed.sink.for(row.id)).toEqual([]);

    await eventually('handed back and sent', () => allSettled(bed, [row.id]));
    expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(bed.sink.for(row.id)).toHaveLength(1);
  });

  it('leaves alone rows that are not due yet, and rows that are finished', async () => {
    const { event, registrations } = await seeded(4);
    const later = new Date(Date.now() + 2 * 86_400_000);
    const [future] = await plan(
      bed,
      [plannedFor('reminder', event, registrations[0], { payload: { offset: 'P1D' }, sendAt: later })],
      { enqueue: false },
    );
    const [superseded] = await plan(bed, [plannedFor('confirmation', event, registrations[1])], {
      enqueue: false,
    });
    await bed.dataSource.query(`UPDATE notifications SET status = 'superseded' WHERE id = $1`, [
      superseded.id,
    ]);
    // Several sweeps go by: each of two due rows, planned one after the other and never enqueued,
    // is sent only by a sweep that began after the rows above were in place, and saw them too.
    for (const registration of registrations.slice(2)) {
      const [witness] = await plan(bed, [plannedFor('confirmation', event, registration)], {
        enqueue: false,
      });
      await eventually('a sweep sent the witness row', () => allSettled(bed, [witness.id]));
    }
    expect(await bed.queue.getJob(future.id)).toBeUndefined();
    expect(await bed.queue.getJob(superseded.id)).toBeUndefined();
    expect(await ledgerRow(bed, future.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await ledgerRow(bed, superseded.id)).toMatchObject({ status: 'superseded', attempts: 0 });
  });

  it('re-queues in a bounded number of Redis round trips, and never duplicates a job that exists', async () => {
    const { event, registrations } = await seeded(30);
    // Two days out, beyond the sweep's horizon: only the calls below touch their jobs.
    const sendAt = new Date(Date.now() + 2 * 86_400_000);
    const rows = await plan(
      bed,
      registrations.map((registration) =>
        plannedFor('reminder', event, registration, { payload: { offset: 'P1D' }, sendAt }),
      ),
      { enqueue: false },
    );
    const alreadyQueued = rows.slice(0, 10);
    await bed.outbox.enqueue(alreadyQueued);
    const queuedAt = new Map<string, number>();
    for (const row of alreadyQueued) queuedAt.set(row.id, (await bed.queue.getJob(row.id))!.timestamp);

    // Every command the outbox sends goes out through its connection's socket: count the writes.
    const producer = (bed.outbox as unknown as { queue: Queue }).queue;
    const client = (await producer.client) as unknown as Redis;
    const writes = jest.spyOn(client.stream, 'write');
    try {
      expect(await bed.outbox.requeue(rows)).toBe(20);
      // One pipeline to look, one addBulk to add: not one or more calls a row (this was 50+).
      expect(writes.mock.calls.length).toBeLessThanOrEqual(3);
      writes.mockClear();
      expect(await bed.outbox.requeue(rows)).toBe(0);
      expect(writes.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      writes.mockRestore();
    }
    for (const row of rows) {
      const job = await bed.queue.getJob(row.id);
      expect(await job?.getState()).toBe('delayed');
      // The jobs that were there are the same jobs, not added again.
      if (queuedAt.has(row.id)) expect(job!.timestamp).toBe(queuedAt.get(row.id));
    }
  });

  it('takes a message about something other than an event, and fails it while no kind about it is registered', async () => {
    const subjectId = randomUUID();
    const [row] = await plan(
      bed,
      [
        {
          kind: 'confirmation',
          subjectType: 'partner',
          subjectId,
          registrationId: null,
          recipientEmail: 'partner@example.org',
          sendAt: new Date(),
          idempotencyKey: `partner-test:${subjectId}`,
        },
      ],
      { enqueue: false },
    );
    await eventually('swept and refused', () => allSettled(bed, [row.id]));
    const settled = await ledgerRow(bed, row.id);
    expect(settled).toMatchObject({
      status: 'failed',
      subjectType: 'partner',
      subjectId,
      eventId: null,
      eventSequence: null,
    });
    expect(settled.lastError).toContain('about a partner');
    expect(bed.sink.for(row.id)).toEqual([]);
  });

  it('keeps an event message to its event: the database refuses one without the event or its sequence', async () => {
    const { event } = await seeded(0);
    const insert = (eventId: string | null, sequence: number | null) =>
      bed.dataSource.query(
        `INSERT INTO notifications (kind, subject_type, subject_id, event_id, event_sequence, recipient_email,
                                    send_at, idempotency_key)
         VALUES ('update', 'event', $1, $2, $3, 'someone@example.org', now(), $4)`,
        [event.id, eventId, sequence, randomUUID()],
      );
    await expect(insert(null, event.sequence)).rejects.toThrow(/notifications_event_subject/);
    await expect(insert(event.id, null)).rejects.toThrow(/notifications_event_subject/);
    await expect(insert(event.id, event.sequence)).resolves.toBeDefined();
  });
});
