import request from 'supertest';
import { createEvent, publishEvent } from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';
// By path, not through the index, which would validate config before it is set.
import { DerivedManageLinks1795600000000 } from '../../../../libs/platform/src/database/migrations/1795600000000-DerivedManageLinks';

/**
 * The migration to derived links leaves no raw token in any payload, sent or pending, and keeps
 * everything else a payload says. Run down and up again on a database that has rows as the
 * code before it wrote them.
 */
describe('migration DerivedManageLinks', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('derived-links-migration');
  });
  afterAll(() => api.close());

  it('strips manageToken from every notification payload, and keeps the rest', async () => {
    const staff = await api.tokenFor('organiser');
    const event = await createEvent(api, staff, {});
    await publishEvent(api, staff, event.id);
    const migration = new DerivedManageLinks1795600000000();
    const runner = api.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await runner.query(
        `INSERT INTO notifications (kind, subject_type, subject_id, event_id, event_sequence, recipient_email, send_at, status, idempotency_key, payload)
         VALUES ('reminder', 'event', $1, $1, 0, 'a@example.org', now(), 'pending', 'k1', '{"offset":"P1D","manageToken":"rtm_old1"}'),
                ('confirmation', 'event', $1, $1, 0, 'b@example.org', now(), 'sent', 'k2', '{"manageToken":"rtm_old2"}'),
                ('update', 'event', $1, $1, 0, 'c@example.org', now(), 'pending', 'k3', '{"previousOnline":true}')`,
        [event.id],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const payloads = await api.dataSource.query(
      'SELECT idempotency_key, payload FROM notifications WHERE event_id = $1 ORDER BY idempotency_key',
      [event.id],
    );
    expect(payloads).toEqual([
      { idempotency_key: 'k1', payload: { offset: 'P1D' } },
      { idempotency_key: 'k2', payload: {} },
      { idempotency_key: 'k3', payload: { previousOnline: true } },
    ]);
    // The schema is as the entities describe it again, and the api still works on it.
    const sql = await api.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries).toEqual([]);
    expect((await request(api.http).get(`/api/v1/public/events/${event.id}`)).status).toBe(200);
  });
});
