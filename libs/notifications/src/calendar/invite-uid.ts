// Ids only (uuids, numbers, slugs): anything else, an email address above all, is refused, because
// a UID is copied into every calendar that receives it and must not carry personal data.
const ID = /^[A-Za-z0-9_-]+$/;

/**
 * The UID of one attendee's invite to one event: `rt-<eventId>-<attendeeKey>@roundtable`.
 * Calendars treat the same UID with a higher SEQUENCE as an update of the item they hold, so the
 * attendee key must stay the same for the life of the event: from the invitation, through
 * registration and reschedules, to the cancellation. Use the registration row's id (the row an
 * invitation creates in the "invited" state), never the email address.
 */
export function inviteUid(eventId: string, attendeeKey: string): string {
  for (const [name, value] of [
    ['eventId', eventId],
    ['attendeeKey', attendeeKey],
  ] as const) {
    if (!ID.test(value)) {
      throw new Error(`inviteUid: ${name} must be an id made of letters, digits, "-" or "_"`);
    }
  }
  return `rt-${eventId}-${attendeeKey}@roundtable`;
}
