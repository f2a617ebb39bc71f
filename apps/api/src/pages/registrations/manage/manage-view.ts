import type { EventEntity } from '@roundtable/events';
import { attendanceAt, getsJoiningLink, MAX_COMPANIONS, type Registration } from '@roundtable/registrations';
import { publicEventDetails } from '../../events/event-details';
import { chosenAccessNeedLabel } from '../registration-form';

export interface ManageState {
  registration: Registration;
  event: EventEntity;
  waitlistPosition: number | null;
  /** The co-hosting partners this person let contact them. */
  partnerContactConsent?: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * What the holder of a manage link sees, and which actions make sense now. Only the answers the
 * service would accept are offered: nothing once the event is cancelled or has started.
 */
export function manageView(state: ManageState, token: string, now: Date) {
  const { registration, event } = state;
  const status = registration.status;
  const open = event.status === 'published' && event.startsAt > now;
  return {
    ...publicEventDetails(event, now),
    basePath: `/manage/${token}`,
    // The testimony form, linked to this registration (recorded as "attended" once checked in).
    testimonyPath: `/testimony/new?registration=${token}`,
    registration: {
      name: registration.name,
      email: registration.email,
      status,
      waitlistPosition: state.waitlistPosition,
      accessNeeds: registration.accessNeeds,
      accessNeedLabels: registration.accessNeeds.map(chosenAccessNeedLabel),
      accessNotes: registration.accessNotes,
      attendance: attendanceAt(registration, event),
      companions: registration.companions,
      phone: registration.phone,
    },
    maxCompanions: MAX_COMPANIONS,
    // Withdrawable at any time, even after the event: the partners keep in touch with families.
    partnerContactConsent: state.partnerContactConsent ?? [],
    // The joining link goes to people with a place who take part online, as in their emails.
    joinUrl:
      status === 'confirmed' && event.onlineUrl && getsJoiningLink(registration, event)
        ? event.onlineUrl
        : undefined,
    started: event.startsAt <= now,
    open,
    canAccept: open && ['invited', 'declined', 'cancelled'].includes(status),
    canDecline: open && ['invited', 'confirmed', 'waitlisted'].includes(status),
    canCancel: open && ['confirmed', 'waitlisted'].includes(status),
    canChangeAccessNeeds: open && ['invited', 'confirmed', 'waitlisted'].includes(status),
  };
}

export type ManageView = ReturnType<typeof manageView>;
