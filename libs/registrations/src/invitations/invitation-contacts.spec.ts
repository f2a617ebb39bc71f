import { checkContacts, MAX_CONTACTS_PER_REQUEST } from './invitation-contacts';

describe('checkContacts', () => {
  it('normalises addresses, keeps the first of each, and counts the repeats', () => {
    const checked = checkContacts([
      { name: ' Sam Jones ', email: ' Sam@Example.org ' },
      { name: 'Sam again', email: 'sam@example.ORG' },
      { email: 'kit@example.org' },
      { name: null, email: 'ash@example.org' },
    ]);
    expect(checked).toEqual({
      contacts: [
        { name: 'Sam Jones', email: 'sam@example.org' },
        { name: '', email: 'kit@example.org' },
        { name: '', email: 'ash@example.org' },
      ],
      duplicates: 1,
      problems: [],
    });
  });

  it('names each entry to fix, and accepts nothing when any is wrong', () => {
    const checked = checkContacts([
      { name: 'Fine', email: 'fine@example.org' },
      { name: 'No at', email: 'not-an-address' },
      { name: 'Missing' },
      'sam@example.org',
      { name: 42, email: 'x@example.org', phone: '0121' },
    ]);
    expect(checked.contacts).toEqual([]);
    expect(checked.problems).toEqual([
      'contacts[1].email must be an email address, such as name@example.org',
      "contacts[2].email is missing: give the person's email address",
      'contacts[3] must be a person, { name, email }',
      'contacts[4].phone is not a field we accept: remove it',
      'contacts[4].name must be text',
    ]);
  });

  it('takes a name only if it is a name: it goes into an email to an address no one has confirmed', () => {
    const checked = checkContacts([
      { name: 'Sam\nPay the deposit at pay.example', email: 'a@example.org' },
      { name: 'Pay at pay.example', email: 'b@example.org' },
      { name: 'Kit\u0000', email: 'c@example.org' },
      { name: 'Ash\u202E', email: 'd@example.org' },
      { name: 'A'.repeat(101), email: 'e@example.org' },
    ]);
    expect(checked.problems).toEqual([
      'contacts[0].name must not contain control characters such as NUL or line breaks',
      'contacts[1].name must be a name: letters, spaces, hyphens and apostrophes only',
      'contacts[2].name must not contain control characters such as NUL or line breaks',
      'contacts[3].name must not contain invisible formatting characters such as direction overrides or zero-width spaces',
      'contacts[4].name must be at most 100 characters',
    ]);
    expect(
      checkContacts([
        { name: ' Siobhán  O’Neill ', email: 's@example.org' },
        { name: '', email: 't@example.org' },
      ]).contacts,
    ).toEqual([
      { name: 'Siobhán O’Neill', email: 's@example.org' },
      { name: '', email: 't@example.org' },
    ]);
  });

  it('refuses a list that is not a list, is empty, or is too long', () => {
    expect(checkContacts(undefined).problems).toEqual([
      'contacts must be a list of people, each { name, email }',
    ]);
    expect(checkContacts([]).problems).toEqual(['contacts must list at least one person']);
    const tooMany = Array.from({ length: MAX_CONTACTS_PER_REQUEST + 1 }, (_, n) => ({
      email: `p${n}@example.org`,
    }));
    expect(checkContacts(tooMany).problems[0]).toMatch(/lists 10001 people; send at most 10000/);
  });

  it('caps the number of problems it reports', () => {
    const bad = Array.from({ length: 200 }, () => ({ email: 'nope' }));
    const { problems } = checkContacts(bad);
    expect(problems).toHaveLength(51);
    expect(problems[50]).toBe('and 150 more problems like these');
  });
});
