import ICAL from 'ical.js';
import { createEvent, createVenue, publishEvent, slot } from '../../../../test/support/fixtures';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { registerAndRead } from '../../../../test/support/registered';
import type { ReceivedMail, SmtpSink } from '../../../../test/support/smtp-sink';
import type { TestApi } from '../../../../test/support/test-app';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';

/**
 * The joining link of a hybrid event goes to those who take part online, in their confirmation
 * email and its calendar invite (read by ical.js); someone coming in person gets neither. The real
 * api plans the messages and the real worker sends them to an SMTP sink.
 */
describe('event formats, delivered: the joining link', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let staff: string;

  beforeAll(async () => {
    world = await startApiWithWorker('event-formats-delivery', followingTheWorker(TEST_JOB_POLICY));
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => world?.close());

  async function confirmationTo(email: string): Promise<ReceivedMail> {
    const mails = async () => {
      const rows: Array<{ id: string }> = await api.dataSource.query(
        `SELECT id FROM notifications WHERE recipient_email = $1 AND kind = 'confirmation'`,
        [email],
      );
      return rows.flatMap((row) => sink.for(row.id));
    };
    await eventually(`a confirmation to ${email}`, async () => (await mails()).length >= 1, 60_000);
    return (await mails())[0];
  }

  /** What a calendar shows of the invite: its description and location, as ical.js reads them. */
  function inviteText(mail: ReceivedMail): string {
    const part = mail.parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
    if (!part) throw new Error('the confirmation has no calendar invite');
    const vevent = new ICAL.Component(ICAL.parse(part.content.toString('utf8'))).getFirstSubcomponent(
      'vevent',
    )!;
    return ['description', 'location', 'url']
      .map((name) => String(vevent.getFirstPropertyValue(name) ?? ''))
      .join('\n');
  }

  it('sends the link to the online attendee of a hybrid event, not to the one coming in person', async () => {
    const venue = await createVenue(api, staff, { name: 'Hybrid Hall', capacity: 30 });
    const onlineUrl = 'https://meet.example.org/hybrid-private-room';
    const event = await createEvent(api, staff, { venueId: venue.id, onlineUrl, ...slot(api, 12) });
    world.tick();
    await publishEvent(api, staff, event.id);

    world.tick();
    const online = {
      name: 'Olu Online',
      email: 'olu@example.org',
      role: 'parent_carer',
      attendance: 'online',
    };
    const room = {
      name: 'Rita Room',
      email: 'rita@example.org',
      role: 'parent_carer',
      attendance: 'in_person',
    };
    expect((await registerAndRead(api, event.id, online)).body.status).toBe('confirmed');
    world.tick();
    expect((await registerAndRead(api, event.id, room)).body.status).toBe('confirmed');

    const toOnline = await confirmationTo(online.email);
    expect(toOnline.parsed.text).toContain(onlineUrl);
    expect(toOnline.parsed.html).toContain(onlineUrl);
    expect(inviteText(toOnline)).toContain(onlineUrl);

    const toRoom = await confirmationTo(room.email);
    expect(toRoom.raw).not.toContain('hybrid-private-room');
    expect(inviteText(toRoom)).not.toContain(onlineUrl);
    expect(toRoom.parsed.text).toContain('Hybrid Hall');
  });
});
