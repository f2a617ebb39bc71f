import { toEventView, toPublicEventView, type EventEntity } from '@roundtable/events';
import { Duration } from 'luxon';

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

/** "7 days, 1 day and 2 hours before it starts", from ISO 8601 durations. */
export function reminderText(offsets: readonly string[]): string {
  if (offsets.length === 0) return 'No reminders';
  const parts = offsets.map((offset) => {
    const duration = Duration.fromISO(offset);
    return duration.isValid ? duration.rescale().toHuman({ listStyle: 'long' }) : offset;
  });
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${list} before it starts`;
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
