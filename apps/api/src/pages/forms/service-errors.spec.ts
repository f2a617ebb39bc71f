import { EventNotFound, scheduleProblems, VenueClash } from '@roundtable/events';
import { EmailTaken } from '@roundtable/identity';
import { AlreadyRegistered } from '@roundtable/registrations';
import { DomainError, InvalidInput, ruleBroken, type DomainErrorKind } from '@roundtable/platform';
import { EVENT_FORM_FIELDS, EVENT_FORM_WORDING } from '../events/event-form';
import { VENUE_FORM_WORDING } from '../venues/venue-form';
import { FormErrors } from './form-errors';
import { addProblems, explainRefusal, formRefusal } from './service-errors';

describe('the page adapter for domain errors', () => {
  it.each<[DomainErrorKind, number]>([
    ['invalid', 400],
    ['conflict', 409],
  ])('puts a %s refusal on the form and answers %i', (kind, status) => {
    const errors = new FormErrors();
    expect(explainRefusal(new DomainError(kind, 'a-rule', 'fix this'), errors)).toBe(status);
    expect(errors.toView([]).errorList).toEqual([{ text: 'Fix this', href: undefined }]);
  });

  it.each<DomainErrorKind>(['not-found', 'forbidden', 'unauthorised', 'gone'])(
    'leaves a %s error to the error page',
    (kind) => {
      const error = new DomainError(kind, 'a-rule', 'not the form’s to explain');
      expect(formRefusal(error)).toBeUndefined();
      expect(() => explainRefusal(error, new FormErrors())).toThrow(error);
    },
  );

  it('leaves anything that is not a domain error to the error page', () => {
    const error = new Error('a defect');
    expect(() => explainRefusal(error, new FormErrors())).toThrow(error);
  });

  it('puts a problem by the form’s field for its API field, else in the summary', () => {
    const errors = new FormErrors();
    addProblems(
      errors,
      [
        ruleBroken('one', 'postcode is wrong', 'postcode'),
        ruleBroken('two', 'something else is wrong', 'notOnThisForm'),
      ],
      { fields: { postcode: 'postcodeBox' } },
    );
    expect(errors.toView(['postcodeBox']).errorList).toEqual([
      { text: 'Something else is wrong', href: undefined },
      { text: 'Postcode is wrong', href: '#postcodeBox' },
    ]);
  });

  it('says each of bad input’s problems, and a conflict’s first, for one-sentence pages', () => {
    const refusal = formRefusal(
      new InvalidInput([ruleBroken('a', 'first problem'), ruleBroken('b', 'second problem')]),
    );
    expect(refusal?.problems.map((problem) => problem.message)).toEqual(['first problem', 'second problem']);
    expect(formRefusal(new AlreadyRegistered())).toMatchObject({
      status: 409,
      message: 'this email address is already registered for this event',
    });
    expect(formRefusal(new EmailTaken('sam@example.org'))?.problems[0]?.field).toBe('email');
    expect(formRefusal(new EventNotFound('e1'))).toBeUndefined();
  });
});

describe('the event form’s words for the scheduling and booking rules', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  const onTheForm = (problems: Parameters<typeof addProblems>[1]) => {
    const errors = new FormErrors();
    addProblems(errors, problems, EVENT_FORM_WORDING);
    return errors.toView(EVENT_FORM_FIELDS);
  };

  it('puts a time problem by the time or date it is about', () => {
    const backwards = scheduleProblems(
      { startsAt: new Date('2026-03-10T08:00:00Z'), endsAt: new Date('2026-03-10T07:00:00Z') },
      now,
    );
    const view = onTheForm(backwards);
    expect(view.errors).toEqual({
      date: { text: 'The event must start in the future: check the date and start time' },
      endTime: { text: 'The end time must be after the start time' },
    });
    expect(view.dateParts).toEqual({ date: ['day', 'month', 'year'] });
  });

  it('says the limits the rules were broken with', () => {
    const tooLong = scheduleProblems(
      { startsAt: new Date('2026-03-11T09:00:00Z'), endsAt: new Date('2026-03-19T09:00:00Z') },
      now,
    );
    expect(onTheForm(tooLong).errors).toEqual({ endTime: { text: 'An event can last at most 7 days' } });
    const tooFar = scheduleProblems(
      { startsAt: new Date('2062-03-11T09:00:00Z'), endsAt: new Date('2062-03-11T10:00:00Z') },
      now,
    );
    const view = onTheForm(tooFar);
    expect(view.errors).toEqual({
      date: { text: 'The event must be at most 5 years from now: check the year' },
    });
    expect(view.dateParts).toEqual({ date: ['year'] });
  });

  it('names the clashing event by the venue select, from the error’s data', () => {
    const clash = new VenueClash('v1', {
      venueName: 'Cradley Library',
      clashingEventId: '5d0c5c4e-8f43-4b8a-9a53-2a54f8a8c1aa',
      clashingTitle: 'SEND parents',
      when: 'Tuesday 10 March 2026, 10am to 12pm',
    });
    expect(onTheForm(clash.problems).errors).toEqual({
      venueId: {
        text: 'Cradley Library is already booked then, for “SEND parents” (Tuesday 10 March 2026, 10am to 12pm). Choose another venue, date or time',
      },
    });
    expect(onTheForm(new VenueClash(null).problems).errors).toEqual({
      venueId: { text: 'The venue is already booked at that time. Choose another venue, date or time' },
    });
  });

  it('shows a rule it has no words for at the top, in the service’s words', () => {
    const view = onTheForm([
      ruleBroken('reminder-offset', 'reminderOffsets: "P1D" is listed twice', 'reminderOffsets'),
    ]);
    expect(view.errorList).toEqual([{ text: 'ReminderOffsets: "P1D" is listed twice', href: undefined }]);
  });
});

describe('the venue form’s words', () => {
  it('puts the postcode rule by the postcode', () => {
    const errors = new FormErrors();
    addProblems(
      errors,
      [ruleBroken('uk-postcode', 'postcode must be a UK postcode', 'postcode')],
      VENUE_FORM_WORDING,
    );
    expect(errors.toView(['postcode']).errors).toEqual({
      postcode: { text: 'Enter a real UK postcode, like B63 4AZ' },
    });
  });
});
