import type { Office } from '../message';
import { telHref } from '../../office/office-from-settings';
import { link, paragraph, type Block } from './message-blocks';

/**
 * The foot of every message: who it is from and how to reach them, so that no one has to guess
 * whether an email is genuine or how to answer it. Rendered under a rule in HTML and after the
 * signature separator ("-- ") in the text part, so mail clients can fold it away in replies.
 */
export function officeFooter(office: Office): Block[] {
  const hours = office.hours ? ` (${office.hours})` : '';
  return [
    paragraph(`This email is from ${office.name}, ${office.address}.`),
    paragraph(
      'To contact the office, call ',
      link(office.phone, telHref(office.phone)),
      `${hours} or email `,
      link(office.email, `mailto:${office.email}`),
      '.',
    ),
  ];
}
