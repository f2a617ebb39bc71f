import { parseCsvContacts, parsePastedContacts } from './contact-list';

describe('parsePastedContacts', () => {
  it('reads the three forms, in either order, skipping blank lines', () => {
    const text = [
      'Sam Jones <sam@example.org>',
      '"Kit Patel" <Kit@Example.org>',
      '',
      'Ash Brown, ash@example.org',
      'bo@example.org, Bo Green',
      'Cy Hall\tcy@example.org',
      '  di@example.org  ',
      '<ed@example.org>',
    ].join('\r\n');
    expect(parsePastedContacts(text)).toEqual({
      contacts: [
        { name: 'Sam Jones', email: 'sam@example.org' },
        { name: 'Kit Patel', email: 'Kit@Example.org' },
        { name: 'Ash Brown', email: 'ash@example.org' },
        { name: 'Bo Green', email: 'bo@example.org' },
        { name: 'Cy Hall', email: 'cy@example.org' },
        { name: '', email: 'di@example.org' },
        { name: '', email: 'ed@example.org' },
      ],
      problems: [],
    });
  });

  it('names every line to fix, by its number, and keeps the usable lines apart for a preview', () => {
    const text = ['Sam Jones <sam@example.org>', 'Kit Patel', '', 'Ash, ash.example.org', 'Bo <>'].join('\n');
    expect(parsePastedContacts(text)).toEqual({
      contacts: [],
      problems: [
        'Line 2: “Kit Patel” is not an email address. Check it looks like name@example.org',
        'Line 4: add an email address to “Ash, ash.example.org”',
        'Line 5: add an email address to “Bo <>”',
      ],
      usable: [{ name: 'Sam Jones', email: 'sam@example.org' }],
      invalidRows: 3,
    });
  });

  it('stops listing problems after twenty', () => {
    const { problems } = parsePastedContacts(Array.from({ length: 25 }, () => 'nope').join('\n'));
    expect(problems).toHaveLength(21);
    expect(problems[20]).toBe('And 5 more lines to fix');
    expect(parsePastedContacts(Array.from({ length: 25 }, () => 'nope').join('\n')).invalidRows).toBe(25);
  });

  it('refuses more than 10,000 people at once', () => {
    const text = Array.from({ length: 10_001 }, (_, n) => `p${n}@example.org`).join('\n');
    expect(parsePastedContacts(text).problems).toEqual([
      'The list has 10,001 people. Invite at most 10,000 at a time: split the list and send the rest afterwards',
    ]);
  });

  it('gives nothing for an empty paste', () => {
    expect(parsePastedContacts('  \n\n ')).toEqual({ contacts: [], problems: [] });
  });
});

describe('parseCsvContacts', () => {
  it('reads name and email columns by their header, in any order, with a BOM and quotes', () => {
    const csv =
      '\uFEFFEmail Address,Phone,Name\r\nsam@example.org,0121,"Sam O\'Neill-Jones"\r\n\r\nkit@example.org,,Kit\r\n';
    expect(parseCsvContacts(Buffer.from(csv))).toEqual({
      contacts: [
        { name: "Sam O'Neill-Jones", email: 'sam@example.org' },
        { name: 'Kit', email: 'kit@example.org' },
      ],
      problems: [],
    });
  });

  it('refuses a name that is more than a name, as it goes into an email to that address', () => {
    const csv =
      'name,email\n"Sam\nPay the deposit at pay.example",sam@example.org\n"Kit\u202E",kit@example.org\n';
    expect(parseCsvContacts(csv).problems).toEqual([
      'Row 2: the name must not contain control characters such as NUL or line breaks',
      'Row 3: the name must not contain invisible formatting characters such as direction overrides or zero-width spaces',
    ]);
    expect(parsePastedContacts('Pay at pay.example <sam@example.org>').problems).toEqual([
      'Line 1: the name must be a name: letters, spaces, hyphens and apostrophes only',
    ]);
  });

  it('works without a name column', () => {
    expect(parseCsvContacts('email\nsam@example.org\n').contacts).toEqual([
      { name: '', email: 'sam@example.org' },
    ]);
  });

  it('names the rows to fix as a spreadsheet numbers them', () => {
    expect(parseCsvContacts('name,email\nSam,sam@example.org\nKit,kit-at-example\nAsh,\n').problems).toEqual([
      'Row 3: “kit-at-example” is not an email address. Check it looks like name@example.org',
      'Row 4: add an email address for Ash',
    ]);
  });

  it('explains a file without an email column, an empty file, and one it cannot read', () => {
    expect(parseCsvContacts('name,phone\nSam,0121\n').problems[0]).toMatch(
      /header row with an "email" column/,
    );
    expect(parseCsvContacts('').problems).toEqual(['The CSV file is empty']);
    expect(parseCsvContacts('name,email\n').problems).toEqual([
      'The CSV file has a header row but no people under it',
    ]);
    expect(parseCsvContacts('name,email\n"Sam,sam@example.org\n').problems[0]).toMatch(/could not be read/);
  });
});
