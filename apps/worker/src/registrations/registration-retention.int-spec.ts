import { getQueueToken } from '@nestjs/bullmq';
import { FixedClock } from '@roundtable/platform';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedEvent, seedRegistration } from '../../../../test/support/notification-seed';
import { createTestWorker, type TestWorker } from '../../../../test/support/test-worker';
import { REGISTRATION_JOBS, REGISTRATIONS_QUEUE } from './registration-jobs';
import { RegistrationRetention } from './registration-retention';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T12:00:00Z');
/** 90 days (the default) before NOW: registrations for events that ended before this are due. */
const CUTOFF = new Date(NOW.getTime() - 90 * DAY);

interface Row {
  id: string;
  event_id: string;
  name: string;
  email: string;
  role: string | null;
  status: string;
  access_needs: string[];
  access_notes: string | null;
  phone: string | null;
  companions: number;
  attendance: string;
  attended_at: Date | null;
  manage_token_hash: string;
  link_nonce: string | null;
  link_key_id: string | null;
}

/**
 * Issue 12, point 2: registrations' personal data is erased REGISTRATION_RETENTION_DAYS after
 * their event ended, by the worker's hourly sweep, with the clock pinned: before the period
 * nothing changes; after it, name, email, access notes and the private link are gone, the
 * partner consents deleted and the ledger's addresses blanked, while statuses, roles, access need
 * kinds and attendance stay for the counts (the evidence report's attendance still adds up).
 */
describe('registration retention sweep', () => {
  const clock = new FixedClock(new Date(CUTOFF.getTime() - DAY));
  let testWorker: TestWorker;
  let dataSource: DataSource;
  let retention: RegistrationRetention;
  let oldEventId: string;
  let boundaryEventId: string;
  let recentEventId: string;
  let partnerId: string;
  const oldIds: string[] = [];

  const rowsOf = (eventId: string): Promise<Row[]> =>
    dataSource.query(`SELECT * FROM registrations WHERE event_id = $1 ORDER BY id`, [eventId]);

  /** The evidence report's "events held" figures for one event (report-queries.ts eventsHeld). */
  const heldCounts = async (eventId: string) =>
    (
      await dataSource.query(
        `SELECT count(*) FILTER (WHERE status IN ('confirmed', 'attended'))::int AS confirmed,
                count(*) FILTER (WHERE status = 'attended')::int AS attended,
                count(*)::int AS everyone
           FROM registrations WHERE event_id = $1`,
        [eventId],
      )
    )[0];

  beforeAll(async () => {
    testWorker = await createTestWorker('registration-retention', {}, { clock });
    await testWorker.worker.init();
    dataSource = testWorker.worker.get(DataSource);
    retention = testWorker.worker.get(RegistrationRetention);
    const eventEnding = async (endsAt: Date) => {
      const event = await seedEvent(dataSource, {
        startsAt: new Date(endsAt.getTime() - 2 * 3_600_000),
        endsAt,
      });
      return event;
    };
    const oldEvent = await eventEnding(new Date('2026-03-01T20:00:00Z'));
    const boundary = await eventEnding(CUTOFF);
    const recent = await eventEnding(new Date('2026-06-01T20:00:00Z'));
    oldEventId = oldEvent.id;
    boundaryEventId = boundary.id;
    recentEventId = recent.id;
    [{ id: partnerId }] = await dataSource.query(
      `INSERT INTO partners (name, contact_name, contact_email, description, areas, status)
       VALUES ('Halesowen Carers', 'Pat Partner', $1, 'Carers support', '{Halesowen}', 'approved') RETURNING id`,
      [`partner-${randomBytes(3).toString('hex')}@partner.test`],
    );
    for (const event of [oldEvent, boundary, recent]) {
      const confirmed = await seedRegistration(dataSource, event, 'confirmed', {
        role: 'parent_carer',
        accessNeeds: ['bsl_interpreter', 'step_free'],
        accessNotes: 'My son uses a wheelchair',
        phone: '07700 900123',
        companions: 2,
      });
      const attended = await seedRegistration(dataSource, event, 'attended', {
        role: 'educator',
        attendedAt: new Date(event.startsAt.getTime() + 10 * 60_000),
      });
      const cancelled = await seedRegistration(dataSource, event, 'cancelled');
      await dataSource.query(
        `INSERT INTO partner_contact_consents (registration_id, partner_id) VALUES ($1, $2)`,
        [confirmed.registration.id, partnerId],
      );
      for (const [registration, status] of [
        [confirmed.registration, 'sent'],
        [attended.registration, 'pending'],
      ] as const) {
        await dataSource.query(
          `INSERT INTO notifications (kind, subject_type, subject_id, event_id, registration_id, recipient_email,
                                      event_sequence, send_at, status, idempotency_key)
           VALUES ('confirmation', 'event', $1, $1, $2, $3, 0, $4, $5, $6)`,
          [
            event.id,
            registration.id,
            registration.email,
            // A waiting message is due long after NOW, so the running worker leaves it to the sweep.
            status === 'pending' ? new Date('2030-01-01T00:00:00Z') : event.startsAt,
            status,
            `test-${registration.id}`,
          ],
        );
      }
      if (event === oldEvent)
        oldIds.push(confirmed.registration.id, attended.registration.id, cancelled.registration.id);
    }
  });
  afterAll(() => testWorker?.close());

  it('keeps its schedule in Redis under the job name, hourly', async () => {
    const queue = testWorker.worker.get<Queue>(getQueueToken(REGISTRATIONS_QUEUE));
    const scheduler = await queue.getJobScheduler(REGISTRATION_JOBS.eraseExpired);
    expect(scheduler).toMatchObject({ name: REGISTRATION_JOBS.eraseExpired, every: 60 * 60_000 });
  });

  it('changes nothing before the period is over', async () => {
    const before = await dataSource.query(`SELECT * FROM registrations ORDER BY id`);
    expect(await retention.eraseExpired()).toEqual({ erased: 0, batches: 0 });
    expect(await dataSource.query(`SELECT * FROM registrations ORDER BY id`)).toEqual(before);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM partner_contact_consents`)).toEqual([
      { n: 3 },
    ]);
  });

  it('after it, erases the personal data of the old event only, in batches, keeping the counts', async () => {
    clock.set(NOW);
    const counts = await heldCounts(oldEventId);
    const oldBefore = await rowsOf(oldEventId);
    const keptBefore = [await rowsOf(boundaryEventId), await rowsOf(recentEventId)];

    expect(await retention.eraseExpired(2)).toEqual({ erased: 3, batches: 2 });

    expect(oldBefore.map((row) => row.phone)).toContain('07700 900123');
    const after = await rowsOf(oldEventId);
    for (const row of after) {
      const was = oldBefore.find((old) => old.id === row.id)!;
      expect(row).toMatchObject({
        name: '',
        email: `erased-${row.id}`,
        access_notes: null,
        phone: null,
        manage_token_hash: `erased-${row.id}`,
        link_nonce: null,
        link_key_id: null,
        // What the counts are made of stays.
        status: was.status,
        role: was.role,
        access_needs: was.access_needs,
        attended_at: was.attended_at,
        // How many came and how, for the counts (issue 12, point 3).
        companions: was.companions,
        attendance: was.attendance,
      });
    }
    expect(await heldCounts(oldEventId)).toEqual(counts);
    expect(counts).toEqual({ confirmed: 2, attended: 1, everyone: 3 });
    expect([await rowsOf(boundaryEventId), await rowsOf(recentEventId)]).toEqual(keptBefore);
  });

  it("deletes the old registrations' partner consents, blanks the ledger's addresses and supersedes what was still waiting", async () => {
    const consents = await dataSource.query(`SELECT registration_id FROM partner_contact_consents`);
    expect(consents).toHaveLength(2);
    expect(consents.map((row: { registration_id: string }) => row.registration_id)).not.toContain(oldIds[0]);
    const ledger = await dataSource.query(
      `SELECT registration_id, recipient_email, status FROM notifications WHERE event_id = $1 ORDER BY status`,
      [oldEventId],
    );
    expect(ledger).toEqual([
      { registration_id: oldIds[0], recipient_email: '', status: 'sent' },
      { registration_id: oldIds[1], recipient_email: '', status: 'superseded' },
    ]);
    const kept = await dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE event_id <> $1 AND recipient_email LIKE '%@%'`,
      [oldEventId],
    );
    expect(kept).toEqual([{ n: 4 }]);
  });

  it('audits each batch with counts only, as the system', async () => {
    const entries = await dataSource.query(
      `SELECT actor_id, subject_type, detail FROM audit_log WHERE action = 'registration.erase'
        ORDER BY (detail->>'count')::int DESC`,
    );
    // Batches take rows in id order, so which batch met the one consent varies: the sum does not.
    expect(entries).toEqual([
      {
        actor_id: null,
        subject_type: 'registration',
        detail: {
          reason: 'retention',
          count: 2,
          events: 1,
          partnerConsents: expect.any(Number),
          retentionDays: 90,
        },
      },
      {
        actor_id: null,
        subject_type: 'registration',
        detail: {
          reason: 'retention',
          count: 1,
          events: 1,
          partnerConsents: expect.any(Number),
          retentionDays: 90,
        },
      },
    ]);
    expect(entries[0].detail.partnerConsents + entries[1].detail.partnerConsents).toBe(1);
    expect(JSON.stringify(entries)).not.toMatch(/@|Carer/);
  });

  it('leaves erased rows alone on the next sweep, and a new registration may take the old address', async () => {
    expect(await retention.eraseExpired()).toEqual({ erased: 0, batches: 0 });
    const event = (await dataSource.query(`SELECT * FROM events WHERE id = $1`, [oldEventId]))[0];
    await seedRegistration(dataSource, { ...event, id: oldEventId }, 'confirmed', {
      email: `erased-${oldIds[0]}@example.org`,
    });
    // It has a real address, so the next sweep erases it too: the event is long over.
    expect(await retention.eraseExpired()).toEqual({ erased: 1, batches: 1 });
  });

  it('erases a walk-in who gave no address, by their name, once', async () => {
    const event = (await dataSource.query(`SELECT * FROM events WHERE id = $1`, [oldEventId]))[0];
    const { registration } = await seedRegistration(dataSource, { ...event, id: oldEventId }, 'attended', {
      email: null,
      name: 'Sam Walker',
      accessNotes: 'Needed a quiet room',
      registeredVia: 'walk_in',
    });
    expect(await retention.eraseExpired()).toEqual({ erased: 1, batches: 1 });
    const [row] = (await rowsOf(oldEventId)).filter((r) => r.id === registration.id);
    expect(row).toMatchObject({
      name: '',
      email: `erased-${registration.id}`,
      access_notes: null,
      status: 'attended',
    });
    expect(await retention.eraseExpired()).toEqual({ erased: 0, batches: 0 });
  });

  it('erases the boundary event once it, too, is more than the period ago', async () => {
    clock.set(new Date(NOW.getTime() + 1));
    expect(await retention.eraseExpired()).toEqual({ erased: 3, batches: 1 });
    expect((await rowsOf(recentEventId)).every((row) => row.email.includes('@'))).toBe(true);
  });
});
