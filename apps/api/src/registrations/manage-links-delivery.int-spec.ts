import request from 'supertest';
import { bearer, createEvent, createVenue, publishEvent } from '../../../../test/support/fixtures';
import { manageTokenIn } from '../../../../test/support/manage-link-in-mail';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { registerAndRead, registrationOf } from '../../../../test/support/registered';
import type { SmtpSink, ReceivedMail } from '../../../../test/support/smtp-sink';
import { type TestApi } from '../../../../test/support/test-app';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';

/**
 * Every message to a person links to their own, working manage page (issue 8, defect 6), and no
 * table holds a raw manage token (defect 5). The real api takes the requests and the real worker
 * beside it sends what they planned to an SMTP sink; each kind of message is read from the sink,
 * its link taken from both the text and the HTML part, and followed.
 */
describe('manage links, delivered', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let staff: string;

  beforeAll(async () => {
    world = await startApiWithWorker('manage-links-delivery', followingTheWorker(TEST_JOB_POLICY));
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => world?.close());

  /** The emails of one kind to an address, oldest first, once there are `count` of them. */
  async function received(email: string, kind: string, count = 1): Promise<ReceivedMail[]> {
    const mails = async () => {
      const rows: Array<{ id: string }> = await api.dataSource.query(
        'SELECT id FROM notifications WHERE recipient_email = $1 AND kind = $2 ORDER BY created_at, send_at',
        [email, kind],
      );
      return rows.flatMap((row) => sink.for(row.id));
    };
    await eventually(
      `${count} ${kind} email(s) to ${email}`,
      async () => (await mails()).length >= count,
      60_000,
    );
    return mails();
  }

  /**
   * Follows the manage link in an email (text and HTML agree): the page and the JSON API both open
   * this person's registration.
   */
  /** Every token an email carried: none of them may be found in any table. */
  const tokensSent = new Set<string>();

  async function expectLinkOpens(
    mail: ReceivedMail,
    eventId: string,
    person: { name: string; email: string },
  ) {
    const token = manageTokenIn(mail);
    tokensSent.add(token);
    expect(token).toBe((await registrationOf(api, eventId, person.email)).manageToken);
    const page = await request(api.http).get(`/manage/${token}`);
    expect({ subject: mail.parsed.subject, status: page.status }).toEqual({
      subject: mail.parsed.subject,
      status: 200,
    });
    expect(page.text).toContain(person.name);
    const json = await request(api.http).get(`/api/v1/public/registrations/${token}`);
    expect(json.status).toBe(200);
    expect(json.body.name).toBe(person.name);
    return json.body as { id: string; status: string };
  }

  const reschedule = async (eventId: string, startsAt: Date) => {
    world.tick();
    const res = await request(api.http)
      .patch(`/api/v1/events/${eventId}`)
      .set(bearer(staff))
      .send({
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      });
    expect(res.body).toMatchObject({ rescheduled: true });
  };

  it('links every kind of message to the person it is for, and no table holds a raw token', async () => {
    world.tick();
    // Starts in an hour and a bit: the one-hour reminder is due within the test.
    const start = new Date(Math.ceil((Date.now() + 3_600_000 + 25_000) / 1000) * 1000);
    const venue = await createVenue(api, staff, { accessFeatures: [] });
    const event = await createEvent(api, staff, {
      venueId: venue.id,
      capacity: 1,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
      reminderOffsets: ['PT1H'],
    });
    await publishEvent(api, staff, event.id);
    const ann = { name: 'Ann Confirmed', email: 'ann.links@example.org' };
    const ben = { name: 'Ben Waiting', email: 'ben.links@example.org' };
    const dee = { name: 'Dee Waiting', email: 'dee.links@example.org' };
    const cleo = { name: 'Cleo Invited', email: 'cleo.links@example.org' };
    const register = async (person: { name: string; email: string }, more: Record<string, unknown> = {}) => {
      world.tick();
      expect(
        (await registerAndRead(api, event.id, { ...person, role: 'parent_carer', ...more })).status,
      ).toBe(202);
    };

    // What a stranger could type goes into no email: the address has not shown it is theirs (defect 4).
    await register(ann, {
      accessNeeds: ['bsl_interpreter'],
      accessNotes: 'Pay your deposit at https://evil.example',
    });
    await register(ben);
    await register(dee);
    world.tick();
    await request(api.http)
      .post(`/api/v1/events/${event.id}/invitations`)
      .set(bearer(staff))
      .send({ contacts: [cleo] })
      .expect(201);

    const [confirmation] = await received(ann.email, 'confirmation');
    expect((await expectLinkOpens(confirmation, event.id, ann)).status).toBe('confirmed');
    expect(`${confirmation.parsed.text} ${String(confirmation.parsed.html)}`).not.toContain('evil.example');
    expect((await expectLinkOpens((await received(ben.email, 'waitlisted'))[0], event.id, ben)).status).toBe(
      'waitlisted',
    );
    const invitation = (await received(cleo.email, 'invitation'))[0];
    expect((await expectLinkOpens(invitation, event.id, cleo)).status).toBe('invited');
    expect(invitation.parsed.text).toContain(`/manage/${manageTokenIn(invitation)}/accept`);

    // Staff arrange Ann's interpreter: she is told, with her link.
    world.tick();
    const tasks = await request(api.http).get(`/api/v1/events/${event.id}/access-tasks`).set(bearer(staff));
    await request(api.http)
      .post(`/api/v1/access-tasks/${tasks.body.items[0].id}/arrange`)
      .set(bearer(staff))
      .send({})
      .expect((res) => expect(res.status).toBeLessThan(300));
    await expectLinkOpens((await received(ann.email, 'access-arranged'))[0], event.id, ann);

    // The event moves: a confirmed, a waiting and an invited person each get an update with their link.
    await reschedule(event.id, new Date(start.getTime() + 1000));
    await expectLinkOpens((await received(ann.email, 'update'))[0], event.id, ann);
    await expectLinkOpens((await received(ben.email, 'update'))[0], event.id, ben);
    await expectLinkOpens((await received(cleo.email, 'update'))[0], event.id, cleo);

    // Ann gives up her place: Ben is promoted ("a place has come up"), with his link.
    world.tick();
    const annToken = (await registrationOf(api, event.id, ann.email)).manageToken;
    await request(api.http).delete(`/api/v1/public/registrations/${annToken}`).expect(200);
    expect((await expectLinkOpens((await received(ben.email, 'promoted'))[0], event.id, ben)).status).toBe(
      'confirmed',
    );

    // It moves again: the promoted person's update and reminder link to his page too.
    await reschedule(event.id, new Date(start.getTime() + 2000));
    const bensUpdates = await received(ben.email, 'update', 2);
    await expectLinkOpens(bensUpdates[1], event.id, ben);
    await expectLinkOpens((await received(dee.email, 'update'))[0], event.id, dee);
    const [reminder] = await received(ben.email, 'reminder');
    expect((await expectLinkOpens(reminder, event.id, ben)).status).toBe('confirmed');

    // Someone types Dee's address again: she is emailed her own link; nothing else changes.
    await register({ name: 'Not Dee', email: dee.email });
    expect((await expectLinkOpens((await received(dee.email, 'manage-link'))[0], event.id, dee)).status).toBe(
      'waitlisted',
    );

    // No table holds a raw manage token, in any text column, after all of that.
    const tables: Array<{ table_name: string }> = await api.dataSource.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    expect(tables.length).toBeGreaterThan(5);
    expect(tokensSent.size).toBeGreaterThan(3);
    // The prefix finds a token of any shape; the tokens themselves find one stored without it.
    const needles = ['rtm\\_', ...[...tokensSent].map((token) => token.slice(4))];
    for (const { table_name } of tables) {
      const [{ n }] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM "${table_name}" t
          WHERE row_to_json(t)::text LIKE ANY (SELECT '%' || needle || '%' FROM unnest($1::text[]) AS needle)`,
        [needles],
      );
      expect({ table: table_name, rowsWithToken: n }).toEqual({ table: table_name, rowsWithToken: 0 });
    }
  }, 120_000);
});
