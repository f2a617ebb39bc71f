import request from 'supertest';
import {
  bearer,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
  slot,
  withClockAt,
} from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const NOW = new Date('2026-01-15T12:00:00Z');

describe('event lifecycle: draft, publish, reschedule, cancel', () => {
  let api: TestApi;
  let token: string;
  let day = 0;

  beforeAll(async () => {
    api = await createTestApi('lifecycle', { now: NOW });
    token = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const publish = (id: string) => request(api.http).post(`/api/v1/events/${id}/publish`).set(bearer(token));
  const cancel = (id: string, body: Record<string, unknown> = { reason: 'The venue has flooded.' }) =>
    request(api.http).post(`/api/v1/events/${id}/cancel`).set(bearer(token)).send(body);
  const patch = (id: string, body: Record<string, unknown>) =>
    request(api.http).patch(`/api/v1/events/${id}`).set(bearer(token)).send(body);
  const row = async (id: string) =>
    (
      await api.dataSource.query(
        'SELECT status, sequence, published_at, cancelled_at, cancel_reason FROM events WHERE id = $1',
        [id],
      )
    )[0];

  /** A fresh event at a venue of its own, on a day of its own. */
  const draft = async () => {
    const venue = await createVenue(api, token);
    return createEvent(api, token, { venueId: venue.id, ...slot(api, 10 + day++) });
  };

  describe('publish', () => {
    it('publishes a draft: 200, status published, publishedAt now, sequence unchanged', async () => {
      const event = await draft();
      const res = await publish(event.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: event.id,
        status: 'published',
        publishedAt: NOW.toISOString(),
        sequence: 0,
      });
      expect(await row(event.id)).toMatchObject({ status: 'published', sequence: 0, published_at: NOW });
    });

    it('refuses to publish twice (409), leaving it as it was', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      expect(expectError(await publish(event.id), 409)).toMatch(
        /this event is published; only a draft can be published/,
      );
      expect(await row(event.id)).toMatchObject({ status: 'published', sequence: 0 });
    });

    it('refuses to publish a cancelled event (409)', async () => {
      const event = await draft();
      await cancel(event.id).expect(200);
      expect(expectError(await publish(event.id), 409)).toMatch(/cancelled/);
      expect(await row(event.id)).toMatchObject({ status: 'cancelled', published_at: null });
    });

    it('refuses to publish a draft whose start has passed (409)', async () => {
      const event = await draft();
      const res = await withClockAt(api, new Date(new Date(event.startsAt).getTime() + 60_000), (admin) =>
        request(api.http).post(`/api/v1/events/${event.id}/publish`).set(bearer(admin)),
      );
      expect(expectError(res, 409)).toMatch(/already started/);
      expect(await row(event.id)).toMatchObject({ status: 'draft' });
    });
  });

  describe('cancel', () => {
    it('cancels a published event: sequence + 1, with the reason and time', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      const res = await cancel(event.id, { reason: '  The venue has flooded.  ' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'cancelled',
        sequence: 1,
        cancelReason: 'The venue has flooded.',
        cancelledAt: NOW.toISOString(),
      });
      expect(await row(event.id)).toMatchObject({
        status: 'cancelled',
        sequence: 1,
        cancel_reason: 'The venue has flooded.',
      });
    });

    it("cancels a draft without raising the sequence: it was never in anyone's calendar", async () => {
      const event = await draft();
      const res = await cancel(event.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', sequence: 0 });
    });

    it('refuses to cancel twice (409), keeping the first reason and sequence', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      await cancel(event.id, { reason: 'First reason' }).expect(200);
      expect(expectError(await cancel(event.id, { reason: 'Second reason' }), 409)).toMatch(
        /already cancelled/,
      );
      expect(await row(event.id)).toMatchObject({ sequence: 1, cancel_reason: 'First reason' });
    });

    it('refuses any change to a cancelled event (409)', async () => {
      const event = await draft();
      await cancel(event.id).expect(200);
      for (const change of [{ title: 'New title' }, slot(api, 90)]) {
        expect(expectError(await patch(event.id, change), 409)).toMatch(
          /cancelled and can no longer be changed/,
        );
      }
      expect((await request(api.http).get(`/api/v1/events/${event.id}`).set(bearer(token))).body.title).toBe(
        event.title,
      );
    });

    it.each([
      ['no reason', {}, /reason must be text/],
      ['an empty reason', { reason: '' }, /^reason must not be empty or only spaces$/],
      ['a reason that is a number', { reason: 5 }, /reason must be text/],
      ['an unknown field', { reason: 'x', notify: false }, /notify is not a field we accept/],
    ])('answers %s with 400 and leaves the event as it was', async (_, body, message) => {
      const event = await publishEvent(api, token, (await draft()).id);
      expect(expectError(await cancel(event.id, body), 400)).toMatch(message);
      expect(await row(event.id)).toMatchObject({ status: 'published', sequence: 0, cancel_reason: null });
    });

    it.each([
      ['publish', (id: string) => publish(id)],
      ['cancel', (id: string) => cancel(id)],
    ])('%s answers an unknown or malformed id with 404', async (_, call) => {
      expectError(await call('3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f'), 404);
      expectError(await call('not-an-id'), 404);
    });
  });

  describe('changes after publishing', () => {
    it('a new time is a reschedule: rescheduled true and sequence + 1, each time', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      const first = await patch(event.id, slot(api, 60, 14));
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        ...slot(api, 60, 14),
        rescheduled: true,
        sequence: 1,
        status: 'published',
      });
      const second = await patch(event.id, { endsAt: slot(api, 60, 14, 3).endsAt });
      expect(second.body).toMatchObject({ rescheduled: true, sequence: 2 });
      expect(await row(event.id)).toMatchObject({ sequence: 2 });
    });

    it('a new venue is a reschedule', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      const elsewhere = await createVenue(api, token, { name: 'Somewhere else' });
      const res = await patch(event.id, { venueId: elsewhere.id });
      expect(res.body).toMatchObject({ venueId: elsewhere.id, rescheduled: true, sequence: 1 });
    });

    it('a new or removed joining link is a reschedule', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      expect((await patch(event.id, { onlineUrl: 'https://meet.example.org/new' })).body).toMatchObject({
        format: 'hybrid',
        rescheduled: true,
        sequence: 1,
      });
      expect((await patch(event.id, { onlineUrl: null })).body).toMatchObject({
        format: 'in_person',
        rescheduled: true,
        sequence: 2,
      });
    });

    it('a new title, description, capacity or reminders is not', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      for (const change of [
        { title: 'Only the title' },
        { description: 'Only the words' },
        { capacity: 10 },
        { reminderOffsets: ['P2D'] },
      ]) {
        const res = await patch(event.id, change);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ ...change, rescheduled: false, sequence: 0 });
      }
      expect(await row(event.id)).toMatchObject({ sequence: 0 });
    });

    it('sending the same time again (even written in another offset) is not', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      const start = new Date(event.startsAt);
      const sameInUkSummerStyle = new Date(start.getTime() + 3_600_000)
        .toISOString()
        .replace('.000Z', '+01:00');
      const res = await patch(event.id, {
        startsAt: sameInUkSummerStyle,
        endsAt: event.endsAt,
        venueId: event.venueId,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ startsAt: event.startsAt, rescheduled: false, sequence: 0 });
    });

    it('a refused reschedule changes nothing', async () => {
      const event = await publishEvent(api, token, (await draft()).id);
      expectError(
        await patch(event.id, { startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T12:00:00Z' }),
        400,
      );
      expect(await row(event.id)).toMatchObject({ sequence: 0 });
    });
  });

  describe('changes to a draft', () => {
    it('never raise the sequence and are not reschedules', async () => {
      const event = await draft();
      const elsewhere = await createVenue(api, token);
      for (const change of [
        slot(api, 70),
        { venueId: elsewhere.id },
        { onlineUrl: 'https://meet.example.org/d' },
      ]) {
        const res = await patch(event.id, change);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'draft', rescheduled: false, sequence: 0 });
      }
      // Published afterwards, it starts from sequence 0.
      expect((await publish(event.id)).body).toMatchObject({ status: 'published', sequence: 0 });
    });
  });
});
