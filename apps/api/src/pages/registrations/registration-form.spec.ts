import { EventEntity } from '@roundtable/events';
import {
  parseAccessNeedsForm,
  parseCompanionsForm,
  parseRegistrationForm,
  readRegistrationForm,
} from './registration-form';
import { registrationOpening } from './public/registration-opening';

describe('parseRegistrationForm', () => {
  const form = (fields: Record<string, unknown>) => readRegistrationForm(fields);

  it('turns a good form into the API’s input, trimmed, with each need once', async () => {
    const parsed = await parseRegistrationForm(
      form({
        name: '  Sam Jones ',
        email: ' sam@example.org ',
        role: 'parent_carer',
        accessNeeds: ['childcare', 'childcare', 'dietary'],
        accessNotes: '  Two children, 4 and 7  ',
      }),
    );
    expect(parsed.errors.any).toBe(false);
    expect({ ...parsed.input }).toEqual({
      name: 'Sam Jones',
      email: 'sam@example.org',
      role: 'parent_carer',
      companions: 0,
      phone: null,
      accessNeeds: ['childcare', 'dietary'],
      accessNotes: 'Two children, 4 and 7',
    });
  });

  const person = { name: 'Sam Jones', email: 'sam@example.org', role: 'parent_carer' };

  it('reads a hybrid event’s attendance and only the chosen way’s needs, with companions and a phone', async () => {
    const parsed = await parseRegistrationForm(
      form({
        ...person,
        attendance: 'online',
        accessNeedsOnline: ['captions', 'easy_read'],
        // Ticked under "in person", then hidden when they chose online: ignored.
        accessNeedsInPerson: ['step_free'],
        companions: ' 2 ',
        phone: ' 07700 900123 ',
      }),
      [],
      null,
    );
    expect(parsed.errors.any).toBe(false);
    expect(parsed.input).toMatchObject({
      attendance: 'online',
      accessNeeds: ['captions', 'easy_read'],
      companions: 2,
      phone: '07700 900123',
    });
  });

  it('asks a hybrid event’s registrant how they take part, and leaves it out for the others', async () => {
    const hybrid = await parseRegistrationForm(form({ ...person, attendance: 'on the moon' }), [], null);
    expect(hybrid.errors.toView(['attendance']).errorList).toEqual([
      { text: 'Select whether you will come in person or join online', href: '#attendance' },
    ]);
    const online = await parseRegistrationForm(form({ ...person, attendance: 'in_person' }), [], 'online');
    expect(online.errors.any).toBe(false);
    expect(online.input?.attendance).toBeUndefined();
  });

  it('refuses needs that do not fit the event, naming them, by the needs on the form', async () => {
    const parsed = await parseRegistrationForm(
      form({ ...person, accessNeeds: ['captions', 'childcare', 'hearing_loop'] }),
      [],
      'online',
    );
    expect(parsed.errors.toView(['accessNeeds']).errorList).toEqual([
      {
        text: 'Select only what you need to take part online: remove Childcare, A hearing loop',
        href: '#accessNeeds',
      },
    ]);
    const hybrid = await parseRegistrationForm(
      form({ ...person, attendance: 'online', accessNeedsOnline: ['quiet_room'] }),
      [],
      null,
    );
    expect(hybrid.errors.toView(['accessNeedsOnline']).errorList[0].href).toBe('#accessNeedsOnline');
  });

  it.each([
    ['5', 'Enter how many people are coming with you, as a number from 0 to 4'],
    ['two', 'Enter how many people are coming with you, as a number from 0 to 4'],
    ['-1', 'Enter how many people are coming with you, as a number from 0 to 4'],
  ])('refuses %s companions with a clear message', async (companions, message) => {
    const parsed = await parseRegistrationForm(form({ ...person, companions }));
    expect(parsed.errors.toView(['companions']).errorList).toEqual([{ text: message, href: '#companions' }]);
  });

  it.each(['07700 900123', '+44 7700 900123', '020 7946 0000', '01384 123456'])(
    'takes the phone number %s',
    async (phone) => {
      const parsed = await parseRegistrationForm(form({ ...person, phone }));
      expect(parsed.errors.any).toBe(false);
      expect(parsed.input?.phone).toBe(phone);
    },
  );

  it.each(['call me', '0770090', '07700-900123', '+44 (0)7700 900123', '0'.repeat(16)])(
    'refuses the phone number %s, saying what one looks like',
    async (phone) => {
      const parsed = await parseRegistrationForm(form({ ...person, phone }));
      expect(parsed.errors.toView(['phone']).errorList).toEqual([
        {
          text: 'Enter a phone number like 07700 900123 or +44 7700 900123, using only digits, spaces and a leading +',
          href: '#phone',
        },
      ]);
    },
  );

  it('reads a single ticked box, and no boxes, as lists', async () => {
    const one = await parseRegistrationForm(
      form({ name: 'A', email: 'a@example.org', role: 'other', accessNeeds: 'large_print' }),
    );
    expect(one.input?.accessNeeds).toEqual(['large_print']);
    const none = await parseRegistrationForm(form({ name: 'A', email: 'a@example.org', role: 'other' }));
    expect(none.input?.accessNeeds).toEqual([]);
    expect(none.input?.accessNotes).toBeNull();
  });

  it('ignores fields sent twice or as something other than text', async () => {
    const parsed = await parseRegistrationForm(form({ name: ['A', 'B'], email: { $gt: '' }, role: 'other' }));
    expect(parsed.errors.toView(['name', 'email']).errorList.map((error) => error.text)).toEqual([
      'Enter your name',
      'Enter your email address',
    ]);
  });
});

describe('parseAccessNeedsForm', () => {
  it('needs notes when "something else" is ticked, and refuses needs not on the list', async () => {
    const parsed = await parseAccessNeedsForm({ accessNeeds: ['other', 'x'], accessNotes: ' ' });
    expect(parsed.input).toBeUndefined();
    expect(parsed.errors.toView(['accessNeeds', 'accessNotes']).errorList).toEqual([
      { text: 'Select what you need from the list', href: '#accessNeeds' },
      { text: 'Tell us what else you need, or untick “Something else”', href: '#accessNotes' },
    ]);
  });
});

describe('parseCompanionsForm', () => {
  it('takes 0 to 4, an empty box as 0', async () => {
    expect((await parseCompanionsForm('3')).input?.companions).toBe(3);
    expect((await parseCompanionsForm('')).input?.companions).toBe(0);
    expect((await parseCompanionsForm('9')).input).toBeUndefined();
  });

  it('refuses needs that do not fit how the person takes part', async () => {
    const parsed = await parseAccessNeedsForm({ accessNeeds: ['step_free'], accessNotes: '' }, 'online');
    expect(parsed.input).toBeUndefined();
  });
});

describe('registrationOpening', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const event = (overrides: Partial<EventEntity>) =>
    Object.assign(new EventEntity(), {
      status: 'published',
      startsAt: new Date('2026-03-16T18:30:00Z'),
      capacity: 2,
      placesTaken: 0,
      ...overrides,
    });

  it.each([
    ['open with places left', {}, 'open'],
    ['full (the waiting list is open)', { placesTaken: 2 }, 'full'],
    ['open when there is no limit', { capacity: null, placesTaken: 500 }, 'open'],
    ['cancelled', { status: 'cancelled' }, 'cancelled'],
    ['started at this very moment', { startsAt: now }, 'started'],
  ] as const)('is %s', (_, overrides, expected) => {
    expect(registrationOpening(event(overrides as Partial<EventEntity>), now)).toBe(expected);
  });
});
