import type { Message } from '../message';
import type { MessageBody } from './message-blocks';
import { renderHtml } from './render-html';
import { renderText } from './render-text';

/** Renders one body to both parts and adds what travels beside them. */
export function composeMessage(
  body: MessageBody,
  extras: Pick<Message, 'calendar' | 'listUnsubscribe'> = {},
): Message {
  return { subject: body.subject, html: renderHtml(body), text: renderText(body), ...extras };
}
