export const EVENT_KINDS = [
  { value: 'listening_event', label: 'Listening event' },
  { value: 'roundtable', label: 'Roundtable' },
] as const;
export type EventKind = (typeof EVENT_KINDS)[number]['value'];
export const EVENT_KIND_VALUES: readonly EventKind[] = EVENT_KINDS.map((kind) => kind.value);

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** In person, online or both: follows from whether the event has a venue, a joining link or both. */
export type EventFormat = 'in_person' | 'online' | 'hybrid';

export function eventFormat(hasVenue: boolean, hasOnlineUrl: boolean): EventFormat {
  if (hasVenue && hasOnlineUrl) return 'hybrid';
  return hasVenue ? 'in_person' : 'online';
}

export function eventKindLabel(value: string): string {
  return EVENT_KINDS.find((kind) => kind.value === value)?.label ?? value;
}
