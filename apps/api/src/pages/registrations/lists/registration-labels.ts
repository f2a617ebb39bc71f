/** Words for staff pages: registration statuses and the kinds of message in the ledger. */
export const REGISTRATION_STATUS_LABELS: Record<string, string> = {
  invited: 'Invited',
  confirmed: 'Place confirmed',
  waitlisted: 'Waiting list',
  declined: 'Declined',
  cancelled: 'Cancelled',
  attended: 'Attended',
};

/** Kinds other code adds later show as their own name until they are given words here. */
export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  invitation: 'Invitation',
  confirmation: 'Place confirmed',
  waitlisted: 'On the waiting list',
  promoted: 'Place from the waiting list',
  update: 'Event changed',
  cancellation: 'Event cancelled',
  reminder: 'Reminder',
  'access-arranged': 'Access need arranged',
};
