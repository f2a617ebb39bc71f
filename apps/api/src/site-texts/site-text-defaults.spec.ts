import { defaultSiteText, toParagraphs } from './site-text-defaults';

const OFFICE = {
  name: 'Halesowen Constituency Office',
  address: '2 Test Row, Halesowen B63 0TT',
  phone: '0121 496 0100',
  email: 'office@roundtable.test',
  hours: 'Monday to Friday, 10am to 4pm',
};

describe('site texts: paragraphs and defaults', () => {
  it('splits on blank lines, joins lines within a paragraph and makes "## " a heading', () => {
    expect(toParagraphs('One\r\ntwo.\n \n## Heading \n\n\n<b>Three</b>\n')).toEqual([
      { heading: false, text: 'One two.' },
      { heading: true, text: 'Heading' },
      { heading: false, text: '<b>Three</b>' },
    ]);
    expect(toParagraphs('  \n\n ')).toEqual([]);
  });

  it('states the retention periods it is given', () => {
    const text = defaultSiteText('privacy', { testimonyMonths: 24, registrationDays: 90 }, OFFICE);
    expect(text).toContain('erased 90 days after the event ends');
    expect(text).toContain('erased 24 months after you gave it');
    expect(text).toContain('special category');
  });

  it('names the office and says how to contact it, in both texts', () => {
    const periods = { testimonyMonths: 24, registrationDays: 90 };
    const how = `call ${OFFICE.name} on ${OFFICE.phone} (${OFFICE.hours}) or email ${OFFICE.email}`;
    const privacy = defaultSiteText('privacy', periods, OFFICE);
    expect(privacy).toContain(`Roundtable is run by ${OFFICE.name}, ${OFFICE.address}`);
    expect(privacy).toContain(`Or ${how}, and ask us to see, correct or erase`);
    expect(defaultSiteText('accessibility', periods, OFFICE)).toContain(`easy read or audio, ${how}.`);
  });
});
