import { inviteUid, NotificationOutbox } from '@roundtable/notifications';
import request from 'supertest';
import { bearer, createEvent, publishEvent } from '../../../../test/support/fixtures';
import { eventually } from '../../../../test/support/notification-test-bed';
import { calendarOf } from '../../../../test/support/calendar-part';
import type { SmtpSink } from '../../../../test/support/smtp-sink';
import { type TestApi } from '../../../../test/support/test-app';
import { startApiWithWorker, type ApiWithWorker } from '../../../../test/support/api-with-worker';

const PUBLIC_URL = 'https://roundtable.test';

/**
 * The whole path of an invitation: the api plans and queues it, the worker (apps/worker's
 * WorkerModule) sends it to a real SMTP server, and the calendar part is read back with
 * ical.js. Also: an address unsubscribed after an invitation was planned is not sent it.
 */
describe('invitations, end to end through the worker', () => {
  let world: ApiWithWorker;
  let sink: SmtpSink;
  let api: TestApi;
  let staff: string;

  beforeAll(async () => {
    world = await startApiWithWorker('invitation-delivery', { env: { PUBLIC_URL } });
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => world?.close());

  const rows = (eventId: string) =>
    api.dataSource.query(
      "SELECT n.id, n.status, n.recipient_email, n.registration_id FROM notifications n WHERE n.event_id = $1 AND n.kind = 'invitation' ORDER BY n.recipient_email",
      [eventId],
    ) as Promise<Array<{ id: string; status: string; recipient_email: string; registration_id: string }>>;

  it('sends each invitation once, as a calendar REQUEST with one-click unsubscribe headers', async () => {
    const start = new Date(api.clock.now().getTime() + 30 * 86_400_000);
    const draft = await createEvent(api, staff, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    await publishEvent(api, staff, draft.id);
    // Moved once after publishing: the invitation carries the event's current SEQUENCE and time.
    const moved = new Date(start.getTime() + 86_400_000);
    const patched = await request(api.http)
      .patch(`/api/v1/events/${draft.id}`)
      .set(bearer(staff))
      .send({ startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + 7_200_000).toISOString() })
      .expect(200);
    expect(patched.body.sequence).toBe(1);

    const res = await request(api.http)
      .post(`/api/v1/events/${draft.id}/invitations`)
      .set(bearer(staff))
      .send({
        contacts: [
          { name: 'Sam Jones', email: 'Sam@Example.org' },
          { name: 'Kit Patel', email: 'kit@example.org' },
          { name: 'Sam again', email: 'sam@example.org' },
        ],
      });
    expect(res.body).toEqual({ invited: 2, alreadyInvited: 0, unsubscribed: 0, duplicates: 1 });

    await eventually('both invitations sent', async () =>
      (await rows(draft.id)).every((row) => row.status === 'sent'),
    );
    for (const row of await rows(draft.id)) {
      const mails = sink.received.filter((mail) => mail.notificationId === row.id);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.envelopeTo).toEqual([row.recipient_email]);
      expect(calendarOf(mail)).toMatchObject({
        mimeMethod: 'REQUEST',
        method: 'REQUEST',
        uid: inviteUid(draft.id, row.registration_id),
        sequence: 1,
        start: moved,
        partstat: 'NEEDS-ACTION',
      });
      // Read from the raw message (unfolded): these headers are what a mail provider acts on.
      const raw = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
      const header = /^List-Unsubscribe: <([^>]+)>/im.exec(raw)?.[1] ?? '';
      expect(header).toMatch(new RegExp(`^${PUBLIC_URL}/manage/rtm_[A-Za-z0-9_-]{43}/unsubscribe$`));
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);

      // The link in the header is the one-click address: posting to it unsubscribes.
      const url = new URL(header);
      const posted = await request(api.http)
        .post(url.pathname)
        .type('form')
        .send('List-Unsubscribe=One-Click');
      expect(posted.status).toBe(200);
    }
    expect(sink.received.filter((mail) => mail.notificationId === undefined)).toEqual([]);
    const [{ n }] = await api.dataSource.query('SELECT count(*)::int AS n FROM invitation_suppressions');
    expect(n).toBe(2);
  });

  it('does not send a planned invitation to an address unsubscribed since: it is superseded', async () => {
    const start = new Date(api.clock.now().getTime() + 40 * 86_400_000);
    const event = await createEvent(api, staff, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    await publishEvent(api, staff, event.id);
    // Planned while the address was still welcome, but not yet queued (as if Redis was away)…
    const outbox = api.app.get(NotificationOutbox);
    const enqueue = jest.spyOn(outbox, 'enqueue').mockResolvedValueOnce();
    await request(api.http)
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(staff))
      .send({
        contacts: [
          { name: 'Ash', email: 'ash@example.org' },
          { name: 'Bo', email: 'bo@example.org' },
        ],
      })
      .expect(201);
    expect(enqueue).toHaveBeenCalledTimes(1);
    const planned = await rows(event.id);
    expect(planned.map((row) => row.status)).toEqual(['pending', 'pending']);

    // …then Ash unsubscribes through another invitation's link…
    const other = await createEvent(api, staff, {
      startsAt: new Date(start.getTime() + 86_400_000).toISOString(),
      endsAt: new Date(start.getTime() + 86_400_000 + 7_200_000).toISOString(),
    });
    await publishEvent(api, staff, other.id);
    await api.dataSource.query(
      "INSERT INTO invitation_suppressions (address_hash, source) VALUES (encode(sha256('ash@example.org'), 'hex'), 'one-click')",
    );

    // …and the worker, given the rows, sends only Bo's.
    const due = planned.map((row) => ({ id: row.id, sendAt: new Date(0) }));
    await outbox.enqueue(due);
    await eventually('both invitations settled', async () =>
      (await rows(event.id)).every((row) => row.status !== 'pending' && row.status !== 'sending'),
    );
    const settled = await rows(event.id);
    expect(settled.map((row) => [row.recipient_email, row.status])).toEqual([
      ['ash@example.org', 'superseded'],
      ['bo@example.org', 'sent'],
    ]);
    expect(sink.received.filter((mail) => mail.notificationId === settled[0].id)).toEqual([]);
    // The superseded row no longer holds the private link's token.
    const [payload] = await api.dataSource.query('SELECT payload FROM notifications WHERE id = $1', [
      settled[0].id,
    ]);
    expect(payload.payload).toEqual({});
  });
});
