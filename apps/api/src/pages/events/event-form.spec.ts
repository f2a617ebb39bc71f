import { EVENT_FORM_FIELDS, parseEventForm, readEventForm } from './event-form';

const VENUE = '6f1c2b1e-4a7d-4c55-9a57-8d2f0d7a1b11';
const NOW = new Date('2026-01-15T12:00:00Z');

function form(overrides: Record<string, string>) {
  return readEventForm({
    title: 'Waiting for an EHC plan',
    kind: 'listening_event',
    description: '',
    'date-day': '12',
    'date-month': '3',
    'date-year': '2026',
    startTime: '10:00',
    endTime: '12:00',
    venueId: VENUE,
    onlineUrl: '',
    capacity: '',
    ...overrides,
  });
}

describe('the event form shows every problem it can find in one pass', () => {
  const context = { now: NOW, venues: new Map([[VENUE, 40]]) };

  it('reports a bad date, an end before the start and a capacity over the venue together', async () => {
    const parsed = await parseEventForm(
      form({ 'date-month': '13', startTime: '14:00', endTime: '13:00', capacity: '60' }),
      context,
    );
    const fields = parsed.errors.toView(EVENT_FORM_FIELDS).errorList.map((error) => error.href);
    expect(fields).toEqual(['#date-month', '#endTime', '#capacity']);
    expect(parsed.errors.toView(EVENT_FORM_FIELDS).errorList.map((error) => error.text)).toEqual([
      'Date of the event must be a real date',
      'The end time must be after the start time',
      'Capacity must be 40 or fewer, as that is how many the venue holds',
    ]);
    expect(parsed.input).toBeUndefined();
  });

  it('says an end before the start once when the date is good', async () => {
    const parsed = await parseEventForm(form({ startTime: '14:00', endTime: '13:00' }), context);
    expect(parsed.errors.toView(EVENT_FORM_FIELDS).errorList.map((error) => error.text)).toEqual([
      'The end time must be after the start time',
    ]);
  });

  it('accepts a capacity within the venue', async () => {
    const parsed = await parseEventForm(form({ capacity: '40' }), context);
    expect(parsed.errors.any).toBe(false);
    expect(parsed.input?.capacity).toBe(40);
  });
});
