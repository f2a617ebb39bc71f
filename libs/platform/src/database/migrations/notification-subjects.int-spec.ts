import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import { NotificationSubjects1795700000000 } from './1795700000000-NotificationSubjects';
import { migrations } from './index';

/** The migrations up to this one, so undoing the last undoes this one whatever comes after it. */
const upToNotificationSubjects = migrations.slice(
  0,
  migrations.indexOf(NotificationSubjects1795700000000) + 1,
);

/** The migration that gives every notification a subject keeps the rows there were. */
describe('migration NotificationSubjects', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase('notification-subjects');
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: upToNotificationSubjects,
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('makes each existing row a message about its own event, keeping everything else', async () => {
    await dataSource.runMigrations({ transaction: 'all' });
    await dataSource.undoLastMigration({ transaction: 'all' });
    const eventId = randomUUID();
    await dataSource.query(
      `INSERT INTO venues (id, name, address, postcode, area, capacity)
       VALUES ($1, 'Hall', '1 Street', 'B63 3AA', 'Halesowen', 40)`,
      [eventId],
    );
    await dataSource.query(
      `INSERT INTO events (id, title, kind, starts_at, ends_at, venue_id, capacity)
       VALUES ($1, 'Listening event', 'listening_event', now() + interval '1 day', now() + interval '1 day 2 hours', $1, 10)`,
      [eventId],
    );
    const [{ id }] = await dataSource.query(
      `INSERT INTO notifications (kind, event_id, event_sequence, recipient_email, send_at, idempotency_key, payload)
       VALUES ('update', $1, 3, 'someone@example.org', now(), 'kept-row', '{"offset": "P1D"}') RETURNING id`,
      [eventId],
    );

    await dataSource.runMigrations({ transaction: 'all' });

    const [row] = await dataSource.query(`SELECT * FROM notifications WHERE id = $1`, [id]);
    expect(row).toMatchObject({
      kind: 'update',
      subject_type: 'event',
      subject_id: eventId,
      event_id: eventId,
      event_sequence: 3,
      recipient_email: 'someone@example.org',
      idempotency_key: 'kept-row',
      payload: { offset: 'P1D' },
    });
  });
});
