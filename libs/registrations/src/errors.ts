import { DomainError, FixedRefusal } from '@roundtable/platform';

/**
 * The registrations library's refusals. An event's state is said in the words of what was being
 * done (registering, inviting, checking in), so each takes the sentence's ending where they differ.
 */

export class EventNotOpen extends DomainError {
  constructor(
    readonly reason: 'cancelled' | 'started' | 'draft',
    message: string,
  ) {
    super('conflict', `event-not-${reason}`, message, { data: { reason } });
  }

  static cancelled(consequence = ''): EventNotOpen {
    return new EventNotOpen('cancelled', `this event has been cancelled${consequence}`);
  }

  static started(consequence = ''): EventNotOpen {
    return new EventNotOpen('started', `this event has already started${consequence}`);
  }

  static draft(whatToDo: string): EventNotOpen {
    return new EventNotOpen('draft', `this event is a draft: ${whatToDo}`);
  }
}

export class RegistrationLinkNotFound extends FixedRefusal(
  'not-found',
  'registration-link',
  'this link does not match a registration: check it is complete',
) {}

export class InvitationLinkNotFound extends FixedRefusal(
  'not-found',
  'invitation-link',
  'this link does not match an invitation: check it is complete',
) {}

export class AlreadyRegistered extends FixedRefusal(
  'conflict',
  'one-registration-per-address',
  'this email address is already registered for this event',
  { field: 'email' },
) {}

export class AlreadyAttended extends DomainError {
  constructor(readonly registrationId: string) {
    super('conflict', 'attended-is-final', 'attendance has been recorded for this registration', {
      data: { registrationId },
    });
  }
}

export class RegistrationNotInEvent extends DomainError {
  constructor(readonly registrationId: string) {
    super('not-found', 'registration-in-event', `no registration ${registrationId} for this event`, {
      data: { registrationId },
    });
  }
}

export class NotAttended extends DomainError {
  constructor(
    readonly registrationId: string,
    readonly status: string,
  ) {
    super(
      'conflict',
      'undo-an-attendance',
      `registration ${registrationId} is ${status}, not attended, so there is nothing to undo`,
      { data: { registrationId, status } },
    );
  }
}

export class AttendanceNotOpenYet extends DomainError {
  constructor(readonly eventDay: string) {
    super(
      'conflict',
      'attendance-on-the-day',
      `attendance can be recorded from the day of the event, ${eventDay}`,
      {
        data: { eventDay },
      },
    );
  }
}

export class AccessTaskNotFound extends DomainError {
  constructor(readonly taskId: string) {
    super('not-found', 'access-task-exists', `no access task with id ${taskId}`, { data: { taskId } });
  }
}

export class AccessTaskCancelled extends DomainError {
  constructor(readonly taskId: string) {
    super(
      'conflict',
      'arrange-a-live-task',
      'this access need was cancelled (the person no longer asks for it, or gave up their place), so there is nothing to arrange',
      { data: { taskId } },
    );
  }
}

export class NoOneToArrangeFor extends DomainError {
  constructor(readonly registrationStatus: string) {
    super(
      'conflict',
      'arrange-for-a-place',
      `this person's registration is ${registrationStatus}, so there is no one to arrange it for`,
      { data: { registrationStatus } },
    );
  }
}

/**
 * Staff registering someone (on their behalf, or as a walk-in) with an address that already has
 * a registration for the event. Staff are trusted, so they are told plainly what it is, unlike the
 * public form's "check your email".
 */
export class AddressAlreadyHasRegistration extends DomainError {
  constructor(
    readonly registrationId: string,
    readonly status: string,
  ) {
    super(
      'conflict',
      'one-registration-per-address',
      `this email address already has a registration for this event (${STATUS_WORDS[status] ?? status}): ${WHAT_TO_DO[status] ?? 'find them in the registrations list'}`,
      { field: 'email', data: { registrationId, status } },
    );
  }
}

export class AttendanceRequired extends FixedRefusal(
  'invalid',
  'hybrid-attendance-chosen',
  'attendance is required for this event, which can be joined in person or online: give in_person or online',
  { field: 'attendance' },
) {}

export class AttendanceNotOffered extends DomainError {
  constructor(
    readonly attendance: string,
    readonly offered: string,
  ) {
    super(
      'invalid',
      'attendance-offered',
      `attendance must be ${offered} for this event, which is only ${offered === 'online' ? 'online' : 'in person'}`,
      { field: 'attendance', data: { attendance, offered } },
    );
  }
}

const STATUS_WORDS: Record<string, string> = {
  confirmed: 'they have a place',
  waitlisted: 'they are on the waiting list',
  invited: 'they are invited and have not answered',
  declined: 'they declined',
  cancelled: 'they cancelled',
  attended: 'they are checked in',
};

const WHAT_TO_DO: Record<string, string> = {
  confirmed: 'check them in from the list instead',
  attended: 'there is nothing more to do',
  invited: 'they can accept with the link in their invitation email',
  declined: 'they can take a place with the link in their emails',
  cancelled: 'they can take a place again with the link in their emails',
  waitlisted: 'they will be emailed if a place comes up',
};

export class AccessNeedsDoNotFit extends DomainError {
  constructor(
    readonly needs: readonly string[],
    readonly attendance: string,
  ) {
    super(
      'invalid',
      'access-needs-fit-attendance',
      `these access needs do not fit taking part ${attendance === 'online' ? 'online' : 'in person'}: ${needs.join(', ')}; remove them`,
      { field: 'accessNeeds', data: { needs: [...needs], attendance } },
    );
  }
}

export class PartyDoesNotFit extends DomainError {
  constructor(
    readonly wanted: number,
    readonly free: number,
  ) {
    super(
      'conflict',
      'party-fits-capacity',
      free <= 0
        ? `there are no places left for more people: bring fewer companions, or ask the office`
        : `only ${free} more ${free === 1 ? 'place is' : 'places are'} left, not ${wanted}: bring fewer companions`,
      { field: 'companions', data: { wanted, free } },
    );
  }
}
/** A previewed invitation list is kept for a short while and sent once; after that it is gone. */
export class InvitationPreviewGone extends FixedRefusal(
  'gone',
  'invitation-preview',
  'this preview has expired or its invitations were already sent: check the list again and send it from a new preview',
) {}
