import { registrationsFileName } from './registrations-csv';

describe('registrationsFileName', () => {
  const startsAt = new Date('2026-03-16T18:30:00Z');

  it('is the UK day and the title in ASCII letters, digits and hyphens', () => {
    expect(registrationsFileName({ title: 'Post-16 places: a roundtable', startsAt })).toBe(
      'registrations-2026-03-16-post-16-places-a-roundtable.csv',
    );
  });

  it('keeps no quote, CR, LF or non-ASCII character of the title', () => {
    const name = registrationsFileName({ title: 'Café "x"\r\nSet-Cookie: a=1 ✓', startsAt });
    expect(name).toBe('registrations-2026-03-16-cafe-x-set-cookie-a-1.csv');
    expect(registrationsFileName({ title: '"""', startsAt })).toBe('registrations-2026-03-16.csv');
  });

  it('uses the UK calendar day', () => {
    expect(registrationsFileName({ title: 'Late', startsAt: new Date('2026-06-30T23:30:00Z') })).toBe(
      'registrations-2026-07-01-late.csv',
    );
  });
});
