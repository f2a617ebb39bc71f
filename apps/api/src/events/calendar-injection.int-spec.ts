import ICAL from 'ical.js';
import request from 'supertest';
import { bearer, createEvent, publishEvent, slot } from '../../../../test/support/fixtures';
import { eventually } from '../../../../test/support/notification-test-bed';
import type { SmtpSink } from '../../../../test/support/smtp-sink';
import { type TestApi } from '../../../../test/support/test-app';
import { startApiWithWorker, type ApiWithWorker } from '../../../../test/support/api-with-worker';

/**
 * A title stored before the text rule refused line breaks (written straight into the database,
 * since the API now refuses it) once put whole VEVENTs into the public calendar feed through its
 * unescaped calendar name. The feed and an invitation built from it must each hold exactly one
 * event, as ical.js (an independent parser) reads them, with the title kept as text.
 */
describe('calendar files from a title that tries to add events', () => {
  const INJECTED =
    'Tea and talk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:injected@evil\r\nDTSTAMP:20260101T000000Z\r\n' +
    'DTSTART:20260301T100000Z\r\nSUMMARY:Pay your deposit at pay.example\r\nEND:VEVENT\r\nBEGIN:VEVENT';
  const AS_TEXT = INJECTED.replace(/\r\n/g, ' ');

  let world: ApiWithWorker;
  let sink: SmtpSink;
  let api: TestApi;
  let staff: string;
  let eventId: string;

  beforeAll(async () => {
    world = await startApiWithWorker('calendar-injection', {
      env: { MAIL_FROM: 'Halesowen Office <office@roundtable.test>' },
    });
    ({ api, sink } = world);
    staff = await api.tokenFor('organiser');
    const event = await createEvent(api, staff, slot(api, 20));
    await publishEvent(api, staff, event.id);
    await api.dataSource.query('UPDATE events SET title = $1 WHERE id = $2', [INJECTED, event.id]);
    eventId = event.id;
  });
  afterAll(() => world?.close());

  /** The events in a calendar file as ical.js reads it. */
  const vevents = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');

  it('the public feed holds one event, titled with the stored text', async () => {
    const res = await request(api.http)
      .get(`/api/v1/events/${eventId}/calendar.ics`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    const events = vevents(res.body as string);
    expect(events).toHaveLength(1);
    expect(new ICAL.Event(events[0]).summary).toBe(AS_TEXT);
    expect(res.body).not.toMatch(/^(UID:injected|SUMMARY:Pay)/m);
  });

  it('an invitation holds one event, titled with the stored text', async () => {
    await request(api.http)
      .post(`/api/v1/events/${eventId}/invitations`)
      .set(bearer(staff))
      .send({ contacts: [{ name: 'Sam Jones', email: 'sam.injection@example.org' }] })
      .expect(201);
    await eventually('the invitation sent', async () =>
      sink.received.some((mail) => mail.envelopeTo.includes('sam.injection@example.org')),
    );
    const mail = sink.received.find((received) => received.envelopeTo.includes('sam.injection@example.org'))!;
    const part = mail.parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar')!;
    const events = vevents(part.content.toString('utf8'));
    expect(events).toHaveLength(1);
    expect(new ICAL.Event(events[0]).summary).toBe(AS_TEXT);
  });
});
