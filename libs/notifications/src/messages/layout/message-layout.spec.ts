import { OFFICE } from '../../test-support/notification-fixtures';
import { escapeHtml } from './escape-html';
import { action, heading, lines, link, list, paragraph, type MessageBody } from './message-blocks';
import { HTML_COLOURS, renderHtml } from './render-html';
import { renderText } from './render-text';
import { safeHref } from './safe-href';

const body = (blocks: MessageBody['blocks'], title = 'A title'): MessageBody => ({
  subject: 'A subject',
  title,
  blocks,
  office: OFFICE,
});

/** The footer every message ends with, in the text part: after the signature separator. */
const TEXT_FOOTER = [
  '-- ',
  'This email is from Halesowen Constituency Office, 2 Test Row, Halesowen B63 0TT.',
  '',
  'To contact the office, call 0121 496 0100 (Monday to Friday, 10am to 4pm) or email office@roundtable.test.',
];

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<script>alert('x') & "y"</script>`)).toBe(
      '&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;',
    );
    expect(escapeHtml('Plain words')).toBe('Plain words');
  });
});

describe('safeHref', () => {
  it.each([
    'https://roundtable.example/r/abc',
    'http://localhost:3000/r/abc',
    'mailto:office@example.org',
    'tel:01215550100',
  ])('allows %s', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative/path', 'not a url'])(
    'refuses %s',
    (href) => {
      expect(() => safeHref(href)).toThrow();
    },
  );
});

describe('renderHtml and renderText', () => {
  const blocks = [
    paragraph('Hello ', link('our office', 'https://roundtable.example/contact'), '.'),
    heading('Where'),
    lines('Halesowen Library', 'B63 4AZ'),
    list(['Step-free access', 'Hearing loop']),
    action('Change or cancel your place', 'https://roundtable.example/r/abc'),
  ];

  it('writes the same blocks as semantic HTML', () => {
    const html = renderHtml(body(blocks));
    expect(html).toContain('<title>A subject</title>');
    expect(html).toMatch(/<h1[^>]*>A title<\/h1>/);
    expect(html).toMatch(/<h2[^>]*>Where<\/h2>/);
    expect(html).toContain('Halesowen Library<br>B63 4AZ');
    expect(html).toMatch(/<ul[^>]*><li>Step-free access<\/li><li>Hearing loop<\/li><\/ul>/);
    expect(html).toMatch(
      /<a href="https:\/\/roundtable.example\/r\/abc"[^>]*>Change or cancel your place<\/a>/,
    );
  });

  it('writes the same blocks as plain text, with links in full', () => {
    expect(renderText(body(blocks))).toBe(
      [
        'A title',
        '',
        'Hello our office (https://roundtable.example/contact).',
        '',
        'Where',
        'Halesowen Library',
        'B63 4AZ',
        '',
        '- Step-free access',
        '- Hearing loop',
        '',
        'Change or cancel your place:',
        'https://roundtable.example/r/abc',
        '',
        ...TEXT_FOOTER,
        '',
      ].join('\n'),
    );
  });

  it('ends every message with who it is from and how to contact them, in both parts', () => {
    const html = renderHtml(body([paragraph('Hello.')]));
    const footer = html.slice(html.indexOf('border-top'));
    expect(footer).toContain(
      'This email is from Halesowen Constituency Office, 2 Test Row, Halesowen B63 0TT.',
    );
    expect(footer).toMatch(
      /call <a href="tel:01214960100"[^>]*>0121 496 0100<\/a> \(Monday to Friday, 10am to 4pm\)/,
    );
    expect(footer).toMatch(
      /email <a href="mailto:office@roundtable.test"[^>]*>office@roundtable.test<\/a>\./,
    );
    expect(renderText(body([paragraph('Hello.')]))).toBe(
      ['A title', '', 'Hello.', '', ...TEXT_FOOTER, ''].join('\n'),
    );
  });

  it('leaves the hours out of the footer when the office has none, and escapes its details', () => {
    const office = { ...OFFICE, name: 'Office <b>&</b>', hours: undefined };
    const html = renderHtml({ ...body([]), office });
    expect(html).toContain('This email is from Office &lt;b&gt;&amp;&lt;/b&gt;, 2 Test Row');
    expect(html).not.toContain('<b>');
    expect(renderText({ ...body([]), office })).toContain(
      'call 0121 496 0100 or email office@roundtable.test.',
    );
  });

  it('does not repeat an email address or phone number after itself', () => {
    const text = renderText(
      body([
        paragraph(
          link('office@example.org', 'mailto:office@example.org'),
          ' or ',
          link('0121 555 0100', 'tel:01215550100'),
        ),
      ]),
    );
    expect(text).toContain('office@example.org or 0121 555 0100\n');
  });

  it('escapes text and link addresses, and refuses a dangerous link', () => {
    const html = renderHtml(body([action('Go <now>', 'https://x.example/?a=1&b="2"')], 'Title <b>'));
    expect(html).toContain('href="https://x.example/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('Go &lt;now&gt;');
    expect(html).toContain('Title &lt;b&gt;');
    expect(() => renderHtml(body([action('Go', 'javascript:alert(1)')]))).toThrow();
    expect(() => renderText(body([action('Go', 'javascript:alert(1)')]))).toThrow();
  });

  it('uses colours with at least WCAG AA contrast (4.5:1) on the background', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    expect(contrast(HTML_COLOURS.text, HTML_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(HTML_COLOURS.link, HTML_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
    // Every colour in the markup is one of these.
    const used = new Set(renderHtml(body(blocks)).match(/#[0-9a-f]{6}/gi));
    expect([...used].every((colour) => (Object.values(HTML_COLOURS) as string[]).includes(colour))).toBe(
      true,
    );
  });
});
