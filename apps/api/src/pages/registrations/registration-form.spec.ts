import { EventEntity } from '@roundtable/events';
import { parseAccessNeedsForm, parseRegistrationForm, readRegistrationForm } from './registration-form';
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
      accessNeeds: ['childcare', 'dietary'],
      accessNotes: 'Two children, 4 and 7',
    });
  });

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
