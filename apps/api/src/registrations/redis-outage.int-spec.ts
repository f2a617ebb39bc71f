import type { TestingModule } from '@nestjs/testing';
import request from 'supertest';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';
import { bearer, createEvent, publishEvent } from '../../../../test/support/fixtures';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { OwnRedis } from '../../../../test/support/own-redis';
import { SmtpSink } from '../../../../test/support/smtp-sink';
import { startWorkerBesideApi } from '../../../../test/support/worker-beside-api';
import { csrfOf } from '../../../../test/support/page-html';

/** Well past the two seconds a request may take, so a hang fails the test instead of stalling it. */
const GIVE_UP_MS = 5_000;
const ANSWER_WITHIN_MS = 2_000;

/**
 * Redis goes away (killed, or shut down politely) while staff invite people and people
 * register. Requests are answered at once, their messages wait in the ledger, and when Redis
 * comes back on the same port the worker's sweeper puts them on the queue and each is sent once.
 */
describe('a lost Redis', () => {
  let redis: OwnRedis;
  let sink: SmtpSink;
  let api: TestApi;
  let worker: TestingModule;
  let staff: string;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    sink = await SmtpSink.start();
    api = await createTestApi('redis-outage', {
      // PUBLIC_URL stays http, so the page cookies are not Secure and supertest sends them back.
      env: { REDIS_URL: redis.url, SMTP_URL: sink.url },
    });
    worker = await startWorkerBesideApi(TEST_JOB_POLICY);
    staff = await api.tokenFor('organiser');
  });
  afterAll(async () => {
    // The apps close their connections politely, which needs a Redis to be polite to.
    if (redis && !redis.running) await redis.start();
    await worker?.close();
    await api?.close();
    await sink?.stop();
    await redis?.stop();
    // After a failed test the apps' reconnect backoff may have grown to BullMQ's 20 s cap.
  }, 120_000);

  /** Sends the request, failing after GIVE_UP_MS; returns the response and how long it took. */
  async function timed(test: request.Test): Promise<{ res: request.Response; ms: number }> {
    const started = Date.now();
    const res = await test.timeout(GIVE_UP_MS);
    return { res, ms: Date.now() - started };
  }

  // Reminders are planned too, but are not due for days: only the messages due now are watched.
  const notifications = (eventId: string) =>
    api.dataSource.query(
      "SELECT id, kind, status FROM notifications WHERE event_id = $1 AND kind IN ('invitation', 'confirmation') ORDER BY kind, recipient_email",
      [eventId],
    ) as Promise<Array<{ id: string; kind: string; status: string }>>;

  it.each(['SIGKILL', 'SIGTERM'] as const)(
    'answers within two seconds while Redis is stopped by %s, and sends the messages once when it is back',
    async (signal) => {
      const event = await createEvent(api, staff, { capacity: 10 });
      await publishEvent(api, staff, event.id);
      await redis.stop(signal);

      const invited = await timed(
        request(api.http)
          .post(`/api/v1/events/${event.id}/invitations`)
          .set(bearer(staff))
          .send({
            contacts: [
              { name: 'Sam Jones', email: `sam.${signal}@example.org` },
              { name: 'Kit Patel', email: `kit.${signal}@example.org` },
            ],
          }),
      );
      expect(invited.res.status).toBe(201);
      expect(invited.res.body).toMatchObject({ invited: 2 });
      expect(invited.ms).toBeLessThan(ANSWER_WITHIN_MS);

      // The public rate limit fails open: registering stays possible while Redis is away.
      const registered = await timed(
        request(api.http)
          .post(`/api/v1/public/events/${event.id}/registrations`)
          .send({ name: 'Jo Parent', email: `jo.${signal}@example.org`, role: 'parent_carer' }),
      );
      expect(registered.res.status).toBeGreaterThanOrEqual(200);
      expect(registered.res.status).toBeLessThan(300);
      expect(registered.ms).toBeLessThan(ANSWER_WITHIN_MS);

      // Sign-in fails closed: without its counters, password guessing would go unmetered.
      const signIn = await timed(request(api.http).post('/api/v1/auth/login').send(ADMIN));
      expect(signIn.res.status).toBe(503);
      expect(signIn.res.headers['retry-after']).toMatch(/^\d+$/);
      expect(signIn.res.body.message).toMatch(/briefly unavailable/);
      expect(signIn.ms).toBeLessThan(ANSWER_WITHIN_MS);

      // The sign-in page too (its form still loads: pages are public routes, which fail open).
      const browser = request.agent(api.http);
      const form = await timed(browser.get('/sign-in'));
      expect(form.res.status).toBe(200);
      const csrf = csrfOf(form.res.text);
      const page = await timed(
        browser
          .post('/sign-in')
          .type('form')
          .send({ _csrf: csrf, ...ADMIN }),
      );
      expect(page.res.status).toBe(503);
      expect(page.res.headers['retry-after']).toMatch(/^\d+$/);
      expect(page.res.text).toContain('The service is briefly unavailable');
      expect(page.ms).toBeLessThan(ANSWER_WITHIN_MS);

      const health = await timed(request(api.http).get('/health'));
      expect(health.res.status).toBe(503);
      expect(health.res.body.details).toMatchObject({
        redis: { status: 'down' },
        postgres: { status: 'up' },
      });
      expect(health.ms).toBeLessThan(ANSWER_WITHIN_MS);

      const planned = await notifications(event.id);
      expect(planned.map((row) => row.kind)).toEqual(['confirmation', 'invitation', 'invitation']);
      expect(planned.every((row) => row.status === 'pending')).toBe(true);

      await redis.start();
      await eventually(
        'every message sent after Redis came back',
        async () => (await notifications(event.id)).every((row) => row.status === 'sent'),
        45_000,
      );
      for (const row of planned) expect(sink.for(row.id)).toHaveLength(1);
      expect((await request(api.http).post('/api/v1/auth/login').send(ADMIN)).status).toBe(200);
      expect((await request(api.http).get('/health')).status).toBe(200);
    },
  );
});
