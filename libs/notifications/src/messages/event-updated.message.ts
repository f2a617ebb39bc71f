import type { InvitePartstat } from '../calendar/invite-calendar';
import type { EventSnapshot } from '../event-snapshot';
import { joinWithAnd, placeLine } from '../event-wording';
import { invitePart } from './invite-part';
import { composeMessage } from './layout/compose-message';
import {
  calendarButtonsNote,
  contactSection,
  eventDetails,
  greeting,
  manageSection,
  placeSection,
  whenText,
} from './layout/event-sections';
import { heading, lines, paragraph, type Block } from './layout/message-blocks';
import type { InviteInput, JoinInput, Message, MessageInput } from './message';

export interface EventUpdatedInput extends MessageInput, InviteInput, JoinInput {
  /** The event as the recipient last heard of it. `event` is the event now. */
  previous: Pick<EventSnapshot, 'startsAt' | 'endsAt' | 'venue' | 'online'>;
  /** ACCEPTED (default) for people with a place, NEEDS-ACTION for an invitation not yet answered. */
  partstat?: InvitePartstat;
  /**
   * For someone on the waiting list: they have no calendar item (they were sent no invite), so
   * the message carries none and says they are still waiting.
   */
  onWaitlist?: boolean;
  /**
   * The co-hosts' names as the recipient last heard of them, when co-hosts changed; `cohosts`
   * are the co-hosts now. Undefined when the update is not about co-hosts.
   */
  previousCohosts?: readonly string[];
}

/** "Now co-hosted with X.", "No longer co-hosted with Y.": what changed among the co-hosts. */
function cohostChanges(previous: readonly string[] | undefined, now: readonly string[]): string[] {
  if (!previous) return [];
  const added = now.filter((name) => !previous.includes(name));
  const removed = previous.filter((name) => !now.includes(name));
  return [
    ...(added.length ? [`Now co-hosted with ${joinWithAnd(added)}.`] : []),
    ...(removed.length ? [`No longer co-hosted with ${joinWithAnd(removed)}.`] : []),
  ];
}

/**
 * The event has moved: says plainly what changed (old time and new time, old place and new
 * place) and carries a calendar REQUEST with the same UID and the raised SEQUENCE, which
 * calendars apply as an update of the item they hold.
 */
export function eventUpdatedMessage(input: EventUpdatedInput): Message {
  const { event, previous } = input;
  const partstat = input.partstat ?? 'ACCEPTED';
  const timeChanged =
    previous.startsAt.getTime() !== event.startsAt.getTime() ||
    previous.endsAt.getTime() !== event.endsAt.getTime();
  const placeChanged = placeLine(previous) !== placeLine(event);
  const what =
    timeChanged && placeChanged ? 'time and place' : timeChanged ? 'time' : placeChanged ? 'place' : null;

  const hosts = cohostChanges(input.previousCohosts, input.cohosts);
  const changes: Block[] = [];
  if (timeChanged) changes.push(lines(`Old time: ${whenText(previous)}`, `New time: ${whenText(event)}`));
  if (placeChanged)
    changes.push(lines(`Old place: ${placeLine(previous)}`, `New place: ${placeLine(event)}`));
  changes.push(...hosts.map((change) => paragraph(change)));
  if (!what && !hosts.length)
    changes.push(paragraph('Some details of the event have changed. The details below are up to date.'));

  const accepted = partstat === 'ACCEPTED' && !input.onWaitlist;
  return composeMessage(
    {
      subject: what
        ? `Change of ${what}: ${event.title}`
        : hosts.length
          ? `Change of co-hosts: ${event.title}`
          : `Update: ${event.title}`,
      title: what ? `${event.title} has a new ${what}` : `${event.title} has been updated`,
      office: input.office,
      blocks: [
        greeting(input.recipient.name),
        paragraph(
          what ? `We have changed the ${what} of ${event.title}.` : `We have updated ${event.title}.`,
        ),
        heading('What has changed'),
        ...changes,
        paragraph(
          input.onWaitlist
            ? 'You are still on the waiting list. If a place comes up, we will email you straight away.'
            : accepted
              ? 'Your place is still booked. The calendar invite in this email updates your calendar.'
              : 'Your invitation still stands. The calendar invite in this email updates your calendar.',
        ),
        ...eventDetails(input, { joinUrl: accepted ? input.joinUrl : undefined }),
        ...(input.onWaitlist
          ? manageSection(
              'If you no longer want a place',
              'Leave the waiting list or change your details',
              input.manageUrl,
            )
          : accepted
            ? placeSection(
                'If you cannot come now',
                'Please cancel your place if the change means you cannot come. You do not need to give a reason.',
                input.manageUrl,
              )
            : manageSection(
                'Your answer',
                'Answer the invitation or tell us about access needs',
                input.manageUrl,
                calendarButtonsNote(),
              )),
        ...contactSection(input.office),
      ],
    },
    input.onWaitlist ? {} : { calendar: invitePart(input, 'REQUEST', partstat) },
  );
}
