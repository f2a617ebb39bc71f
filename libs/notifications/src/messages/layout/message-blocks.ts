import type { Office } from '../message';

/**
 * A message body as a list of blocks, written once by each message kind and rendered to both the
 * HTML and the plain text part, so the two always carry the same content.
 */

/** A link whose text makes sense on its own, as screen readers list links out of context. */
export interface Link {
  text: string;
  href: string;
}

/** Running text: plain strings and links, joined as they are. */
export type Inline = string | Link;

export type Block =
  /** A section heading (h2); the message title is the only h1. */
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; content: readonly Inline[] }
  /** Lines kept together, such as an address. */
  | { type: 'lines'; lines: readonly string[] }
  | { type: 'list'; items: readonly string[] }
  /** A link standing alone as something to do, such as "Accept the invitation". */
  | { type: 'action'; link: Link };

export interface MessageBody {
  /** The email's subject, also the HTML title. */
  subject: string;
  /** The h1. */
  title: string;
  blocks: readonly Block[];
  /** Who the message is from: the layout ends every message with the office's details. */
  office: Office;
}

export const heading = (text: string): Block => ({ type: 'heading', text });
export const paragraph = (...content: Inline[]): Block => ({ type: 'paragraph', content });
export const lines = (...text: string[]): Block => ({ type: 'lines', lines: text });
export const list = (items: readonly string[]): Block => ({ type: 'list', items });
export const action = (text: string, href: string): Block => ({ type: 'action', link: { text, href } });
export const link = (text: string, href: string): Link => ({ text, href });
