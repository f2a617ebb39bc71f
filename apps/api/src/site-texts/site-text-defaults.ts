import type { Office } from '@roundtable/notifications';

/** The pages whose text an admin may change, and their titles. */
export const SITE_TEXT_KEYS = ['privacy', 'accessibility'] as const;
export type SiteTextKey = (typeof SITE_TEXT_KEYS)[number];

export const SITE_TEXT_TITLES: Record<SiteTextKey, string> = {
  privacy: 'How we use your information',
  accessibility: 'Accessibility statement',
};

export function isSiteTextKey(value: string): value is SiteTextKey {
  return (SITE_TEXT_KEYS as readonly string[]).includes(value);
}

/** The retention periods the default privacy notice states, from the configuration in force. */
export interface RetentionPeriods {
  testimonyMonths: number;
  registrationDays: number;
}

/**
 * The default texts, written for the office's SEND consultation. Paragraphs are separated by a
 * blank line; a paragraph starting "## " is a heading (see toParagraphs). The periods and the
 * office come from the configuration, so the notice never promises what the worker does not do,
 * and "contact the office" always says how.
 */
export function defaultSiteText(key: SiteTextKey, periods: RetentionPeriods, office: Office): string {
  return key === 'privacy' ? privacyNotice(periods, office) : accessibilityStatement(office);
}

/** "call Halesowen Constituency Office on 0121 496 0000 (Monday to Friday, 9am to 5pm) or email office@example.org" */
function howToContact(office: Office): string {
  return `call ${office.name} on ${office.phone}${office.hours ? ` (${office.hours})` : ''} or email ${office.email}`;
}

function privacyNotice({ testimonyMonths, registrationDays }: RetentionPeriods, office: Office): string {
  return `Roundtable is run by ${office.name}, ${office.address}: the constituency office of the Member of Parliament for Halesowen. The office is the data controller for the information you give here. This notice says what we collect, why, who sees it, how long we keep it and how to have it erased.

## What we collect

When you register for an event: your name, email address, your role (for example parent or carer, young person, school staff), and any access needs you tell us about, with any notes you add. We also record whether you came.

When you share your experience (testimony): what you tell us about your family's experience of special educational needs and disabilities (SEND) support, the themes it touches, and, only if you choose to give them, your name and email address.

Information about a child's special educational needs, disabilities or health is health data, a special category of personal data under the UK GDPR. We ask only for what we need and we protect it accordingly: testimony is stored encrypted.

## Why we collect it and our lawful basis

We use your registration to run the event: to save your place, send you the details and any changes, and arrange the access support you ask for. Our lawful basis is our public task of representing constituents, and for access needs and anything about health, the substantial public interest in the work of elected representatives (Data Protection Act 2018, Schedule 1) or your explicit consent.

We use testimony as evidence of how SEND support is working locally: counted by theme and area, and quoted only in the way you agreed to. If you asked for help with your own case, a caseworker uses it to follow that up.

## Who sees it

Only staff of the constituency office see your details. If an event is co-hosted by a partner organisation, that partner sees your name and email address only if you ticked the box agreeing to it; you can withdraw that agreement at any time from your registration's manage link. We never sell your information or pass it to anyone else without your agreement, unless the law requires us to.

## How long we keep it

Registrations: your name, email address and access notes are erased ${registrationDays} days after the event ends. We keep only counts (how many registered, how many came, how many needed which kind of support).

Testimony is erased ${testimonyMonths} months after you gave it, leaving only a count.

## How to have it erased or changed

You can cancel a registration, or change your access needs, at any time from the manage link in your confirmation email. You can erase your testimony from the receipt link you were given when you shared it. Or ${howToContact(office)}, and ask us to see, correct or erase what we hold about you: we will answer within one month.

If you are unhappy with how we have used your information, you can complain to the Information Commissioner's Office (ico.org.uk).`;
}

function accessibilityStatement(office: Office): string {
  return `We want as many people as possible to be able to use Roundtable, whatever their needs. This statement covers the public pages: upcoming events, registering for an event, managing your registration and sharing your experience.

## How accessible the pages are

The pages are built with the GOV.UK Design System's components and tested with automated accessibility checks on a large screen and on a phone. You should be able to change colours, contrast and fonts, zoom in up to 400% without text spilling off the screen, and use the pages with just a keyboard, with speech recognition software or with a screen reader.

## Access at our events

When you register you can tell us what you need to take part: for example a British Sign Language interpreter, step-free access, a hearing loop or a quiet space. We arrange it before the event and tell you if we cannot.

## Feedback and contact

If you find a problem with these pages, or need information in a different format such as large print, easy read or audio, ${howToContact(office)}. We will reply within 5 working days.

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).

## Compliance status

We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard.`;
}

/** A page's paragraphs: split on blank lines; "## " starts a heading. Shown escaped by the template. */
export interface TextBlock {
  heading: boolean;
  text: string;
}

export function toParagraphs(body: string): TextBlock[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) =>
      block.startsWith('## ')
        ? { heading: true, text: block.slice(3).trim() }
        : { heading: false, text: block.replace(/\s*\n\s*/g, ' ') },
    );
}
