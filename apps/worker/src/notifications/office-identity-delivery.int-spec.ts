import ICAL from 'ical.js';
import { calendarOf } from '../../../../test/support/calendar-part';
import {
  createNotificationTestBed,
  eventually,
  TEST_JOB_POLICY,
  type NotificationTestBed,
} from '../../../../test/support/notification-test-bed';
import {
  allSettled,
  plan,
  plannedFor,
  seedEvent,
  seedRegistration,
} from '../../../../test/support/notification-seed';

/**
 * Issue 12, point 1: a delivered email says who it is from. Its own office (not the test office)
 * and a relay address as MAIL_FROM, so what arrives can only have come from the OFFICE_* settings.
 */
const OFFICE = {
  OFFICE_NAME: 'Stourbridge Constituency Office',
  OFFICE_ADDRESS: '9 Sample Lane, Stourbridge DY8 0ZZ',
  OFFICE_PHONE: '01384 496 0123',
  OFFICE_EMAIL: 'help@stourbridge-office.test',
  OFFICE_HOURS: 'Tuesday and Thursday, 10am to 2pm',
};
const RELAY = 'no-reply@relay.roundtable.test';

describe('a delivered email says which office it is from', () => {
  let bed: NotificationTestBed;
  let mail: NonNullable<ReturnType<NotificationTestBed['sink']['for']>[number]>;

  beforeAll(async () => {
    bed = await createNotificationTestBed('office-identity-delivery', TEST_JOB_POLICY, {
      ...OFFICE,
      MAIL_FROM: `Ignored Name <${RELAY}>`,
    });
    const event = await seedEvent(bed.dataSource);
    const { registration } = await seedRegistration(bed.dataSource, event, 'confirmed');
    const [row] = await plan(bed, [plannedFor('confirmation', event, registration)]);
    await eventually('the confirmation sent', () => allSettled(bed, [row.id]));
    [mail] = bed.sink.for(row.id);
  });
  afterAll(() => bed?.close());

  it("is sent in the office's name, from the relay address, with replies to the office", () => {
    expect(mail.parsed.from?.value).toEqual([{ name: OFFICE.OFFICE_NAME, address: RELAY }]);
    expect(mail.parsed.replyTo?.value).toEqual([{ name: OFFICE.OFFICE_NAME, address: OFFICE.OFFICE_EMAIL }]);
    expect(mail.raw).not.toContain('Roundtable <');
    expect(mail.raw).not.toContain('Ignored Name');
  });

  it('ends the text part with the office, its address, phone, hours and email', () => {
    const text = mail.parsed.text ?? '';
    const footer = text.slice(text.lastIndexOf('\n-- \n'));
    expect(footer).toContain(`This email is from ${OFFICE.OFFICE_NAME}, ${OFFICE.OFFICE_ADDRESS}.`);
    expect(footer).toContain(
      `To contact the office, call ${OFFICE.OFFICE_PHONE} (${OFFICE.OFFICE_HOURS}) or email ${OFFICE.OFFICE_EMAIL}.`,
    );
    expect(text).not.toContain('This email is from Roundtable');
  });

  it('ends the HTML part with the same, the phone and email as links', () => {
    const html = mail.parsed.html || '';
    expect(html).toContain(`This email is from ${OFFICE.OFFICE_NAME}, ${OFFICE.OFFICE_ADDRESS}.`);
    expect(html).toMatch(
      /<a href="tel:013844960123"[^>]*>01384 496 0123<\/a> \(Tuesday and Thursday, 10am to 2pm\)/,
    );
    expect(html).toMatch(
      /<a href="mailto:help@stourbridge-office.test"[^>]*>help@stourbridge-office.test<\/a>/,
    );
  });

  it("names the office as the calendar invite's organiser", () => {
    expect(calendarOf(mail)?.method).toBe('REQUEST');
    const part = mail.parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar')!;
    const vevent = new ICAL.Component(ICAL.parse(part.content.toString('utf8'))).getFirstSubcomponent(
      'vevent',
    )!;
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getParameter('cn')).toBe(OFFICE.OFFICE_NAME);
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe(`mailto:${OFFICE.OFFICE_EMAIL}`);
  });
});
