import { toEventView, toPublicEventView, type EventEntity } from '@roundtable/events';
import { offsetInWords } from '@roundtable/notifications';

const FORMAT_LABELS: Record<string, string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'In person and online',
};

/** A description as paragraphs, split where people left a blank line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

const AND_LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/** "7 days, 1 day and 2 hours before it starts", in the words the reminder emails use. */
export function reminderText(offsets: readonly string[]): string {
  if (offsets.length === 0) return 'No reminders';
  return `${AND_LIST.format(offsets.map((offset) => offsetInWords(offset) ?? offset))} before it starts`;
}

/** What the staff event page shows, and which actions it offers. */
export function eventDetails(event: EventEntity, now: Date) {
  const view = toEventView(event);
  return {
    event: view,
    formatLabel: FORMAT_LABELS[view.format] ?? view.format,
    descriptionParagraphs: paragraphs(view.description),
    reminders: reminderText(view.reminderOffsets),
    canPublish: view.status === 'draft' && event.startsAt > now,
    canChange: view.status !== 'cancelled',
    canInvite: view.status === 'published' && event.startsAt > now,
    finished: event.endsAt <= now,
    // Drafts have no public page; a published event keeps one even once cancelled.
    publicPath: event.publishedAt ? `/events/${event.id}` : undefined,
  };
}

/** What the public event page shows: the public view only, never the joining link. */
export function publicEventDetails(event: EventEntity, now: Date) {
  const view = toPublicEventView(event);
  return {
    event: view,
    formatLabel: FORMAT_LABELS[view.format] ?? view.format,
    descriptionParagraphs: paragraphs(view.description),
    finished: event.endsAt <= now,
    calendarPath: `/api/v1/events/${view.id}/calendar.ics`,
  };
}
