import { formatLondonDate, formatLondonTime } from '@roundtable/platform';
import { composeMessage } from './layout/compose-message';
import { contactOffice } from './layout/event-sections';
import { action, heading, list, paragraph } from './layout/message-blocks';
import type { Message, Office } from './message';

/** A partner organisation as its messages name it (read when the message is sent). */
export interface PartnerFacts {
  id: string;
  name: string;
  contactName: string;
  charityNumber: string | null;
  /** Labels of the areas it serves. */
  areas: readonly string[];
  rejectionReason: string | null;
}

export interface PartnerRegisteredInput {
  office: Office;
  partner: PartnerFacts;
  /** The staff page where it is approved or rejected, behind sign-in. */
  staffPartnerUrl: string;
}

/**
 * Tells a member of staff that an organisation registered and waits for a decision. It names the
 * organisation and links to the staff page; the contact's address and what they wrote stay there.
 */
export function partnerRegisteredMessage(input: PartnerRegisteredInput): Message {
  const { partner } = input;
  return composeMessage({
    subject: `A partner organisation registered: ${partner.name}`,
    title: 'A partner organisation is waiting for approval',
    office: input.office,
    blocks: [
      paragraph('Hello,'),
      paragraph(
        `${partner.name} registered as a partner organisation. Staff need to approve or reject it before its users can sign in.`,
      ),
      list([
        `Charity number: ${partner.charityNumber ?? 'none given'}`,
        `Areas: ${partner.areas.length > 0 ? partner.areas.join(', ') : 'none given'}`,
      ]),
      action('Review the registration', input.staffPartnerUrl),
    ],
  });
}

export interface PartnerApprovedInput {
  office: Office;
  partner: PartnerFacts;
  /** The contact's single-use link to set their password. */
  setPasswordUrl: string;
  expiresAt: Date;
  signInUrl: string;
}

/** Tells the contact their organisation was approved, with their link to set a password. */
export function partnerApprovedMessage(input: PartnerApprovedInput): Message {
  const { partner, office } = input;
  return composeMessage({
    subject: `${partner.name} is now a partner of ${office.name}`,
    title: 'Your organisation has been approved',
    office: input.office,
    blocks: [
      paragraph(`Hello ${partner.contactName},`),
      paragraph(
        `${office.name} has approved ${partner.name} as a partner organisation. You can now sign in to Roundtable to co-host listening events and invite your members.`,
      ),
      heading('Set your password'),
      paragraph(
        `Your account uses this email address. Set a password with the link below. It works once, until ${expiry(input.expiresAt)}. Do not share it.`,
      ),
      action('Set your password', input.setPasswordUrl),
      paragraph(`After that, sign in at ${input.signInUrl}.`),
      contactOffice('If you have questions, reply to this email', office),
    ],
  });
}

export interface PartnerRejectedInput {
  office: Office;
  partner: PartnerFacts;
}

/** Tells the contact their registration was not approved, and why. */
export function partnerRejectedMessage(input: PartnerRejectedInput): Message {
  const { partner, office } = input;
  return composeMessage({
    subject: `Your partner registration with ${office.name}`,
    title: 'Your registration was not approved',
    office: input.office,
    blocks: [
      paragraph(`Hello ${partner.contactName},`),
      paragraph(`${office.name} has not approved ${partner.name} as a partner organisation.`),
      heading('The reason'),
      paragraph(partner.rejectionReason ?? 'No reason was given.'),
      contactOffice('If you have questions, reply to this email', office),
    ],
  });
}

export interface PasswordLinkInput {
  office: Office;
  recipientName: string;
  /** The organisation the account belongs to, for a partner user. */
  partnerName: string | null;
  purpose: 'welcome' | 'reset';
  setPasswordUrl: string;
  expiresAt: Date;
  signInUrl: string;
}

/** A user's single-use link to set a password: a new account's welcome, or a reset. */
export function passwordLinkMessage(input: PasswordLinkInput): Message {
  const { office } = input;
  const welcome = input.purpose === 'welcome';
  return composeMessage({
    subject: welcome ? `Your Roundtable account with ${office.name}` : 'Set a new Roundtable password',
    title: welcome ? 'You have a Roundtable account' : 'Set a new password',
    office: input.office,
    blocks: [
      paragraph(`Hello ${input.recipientName},`),
      paragraph(
        welcome
          ? `${office.name} has made you an account on Roundtable${input.partnerName ? ` for ${input.partnerName}` : ''}. It uses this email address.`
          : 'Someone asked to set a new password for your Roundtable account.',
      ),
      paragraph(
        `Set your password with the link below. It works once, until ${expiry(input.expiresAt)}. Do not share it.`,
      ),
      action('Set your password', input.setPasswordUrl),
      paragraph(`After that, sign in at ${input.signInUrl}.`),
      contactOffice('If you have questions, reply to this email', office),
    ],
  });
}

function expiry(at: Date): string {
  return `${formatLondonTime(at)} on ${formatLondonDate(at)}`;
}
