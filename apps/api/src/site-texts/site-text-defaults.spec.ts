import { defaultSiteText, toParagraphs } from './site-text-defaults';

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
    const text = defaultSiteText('privacy', { testimonyMonths: 24, registrationDays: 90 });
    expect(text).toContain('erased 90 days after the event ends');
    expect(text).toContain('erased 24 months after you gave it');
    expect(text).toContain('special category');
  });
});
