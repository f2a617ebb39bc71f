import { escapeHtml } from './escape-html';
import type { Block, Inline, MessageBody } from './message-blocks';
import { officeFooter } from './office-footer';
import { safeHref } from './safe-href';

/**
 * GOV.UK colours: text on white is 19:1 and links 5.2:1, above the 4.5:1 that WCAG AA asks for.
 * Exported so a test can check the contrast.
 */
export const HTML_COLOURS = {
  text: '#0b0c0c',
  link: '#1d70b8',
  background: '#ffffff',
  /** The rule above the office's details: decoration, so no contrast is asked of it. */
  rule: '#b1b4b6',
} as const;

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const STYLE = {
  wrapper: `max-width:640px;margin:0 auto;padding:16px;${FONT}font-size:19px;line-height:1.5;color:${HTML_COLOURS.text};background:${HTML_COLOURS.background};`,
  h1: `${FONT}font-size:28px;line-height:1.25;margin:0 0 24px;`,
  h2: `${FONT}font-size:22px;line-height:1.3;margin:32px 0 8px;`,
  p: 'margin:0 0 16px;',
  ul: 'margin:0 0 16px;padding-left:24px;',
  a: `color:${HTML_COLOURS.link};text-decoration:underline;`,
  // A rule and a little smaller: the office's details, still well above the 4.5:1 contrast.
  footer: `border-top:1px solid ${HTML_COLOURS.rule};margin-top:32px;padding-top:16px;font-size:16px;`,
  action: `color:${HTML_COLOURS.link};text-decoration:underline;font-weight:bold;`,
};

/**
 * The HTML part. Plain semantic markup with inline styles: real headings, lists and paragraphs,
 * no layout tables and no images. Webmail drops the <html> element, so the wrapper repeats the
 * language and names the email for screen readers.
 */
export function renderHtml(body: MessageBody): string {
  const subject = escapeHtml(body.subject);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${subject}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:${HTML_COLOURS.background};">`,
    `<div role="article" aria-roledescription="email" aria-label="${subject}" lang="en" style="${STYLE.wrapper}">`,
    `<h1 style="${STYLE.h1}">${escapeHtml(body.title)}</h1>`,
    ...body.blocks.map(renderBlock),
    `<div style="${STYLE.footer}">`,
    ...officeFooter(body.office).map(renderBlock),
    '</div>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h2 style="${STYLE.h2}">${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p style="${STYLE.p}">${block.content.map(renderInline).join('')}</p>`;
    case 'lines':
      return `<p style="${STYLE.p}">${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'list':
      return `<ul style="${STYLE.ul}">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'action':
      return `<p style="${STYLE.p}"><a href="${escapeHtml(safeHref(block.link.href))}" style="${STYLE.action}">${escapeHtml(block.link.text)}</a></p>`;
  }
}

function renderInline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  return `<a href="${escapeHtml(safeHref(part.href))}" style="${STYLE.a}">${escapeHtml(part.text)}</a>`;
}
