import type { Block, Inline, MessageBody } from './message-blocks';
import { officeFooter } from './office-footer';
import { safeHref } from './safe-href';

/**
 * The plain text part: the same blocks as the HTML, with every link written out in full so it
 * can be copied or read aloud. A heading sits directly above its section; blank lines separate
 * everything else. The office's details follow the signature separator ("-- ", a line of its own).
 */
export function renderText(body: MessageBody): string {
  return `${renderBlocks(body.title, body.blocks)}\n\n-- \n${renderBlocks('', officeFooter(body.office)).trimStart()}\n`;
}

function renderBlocks(start: string, blocks: readonly Block[]): string {
  let text = start;
  let previous: Block['type'] | 'title' = 'title';
  for (const block of blocks) {
    text += (previous === 'heading' ? '\n' : '\n\n') + renderBlock(block);
    previous = block.type;
  }
  return text;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.text;
    case 'paragraph':
      return block.content.map(renderInline).join('');
    case 'lines':
      return block.lines.join('\n');
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'action':
      return `${block.link.text}:\n${safeHref(block.link.href)}`;
  }
}

function renderInline(part: Inline): string {
  if (typeof part === 'string') return part;
  const href = safeHref(part.href);
  // An email address or phone number shown as the link text is not repeated: people type or
  // dial what they read.
  const bare = href.replace(/^(mailto|tel):/, '');
  const shown = bare === part.text || (href.startsWith('tel:') && bare === part.text.replace(/[^\d+]/g, ''));
  return shown ? part.text : `${part.text} (${href})`;
}
