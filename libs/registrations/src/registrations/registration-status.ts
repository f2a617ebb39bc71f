/**
 * invited: asked by staff or a co-host, not yet answered; confirmed: has a place; declined: said
 * no to an invitation; waitlisted: asked for a place when none was free, in arrival order;
 * cancelled: gave up a place (or a waitlist spot); attended: was there, recorded by staff.
 */
export const REGISTRATION_STATUSES = [
  'invited',
  'confirmed',
  'declined',
  'waitlisted',
  'cancelled',
  'attended',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Who is coming, so the office hears from a balance of people. */
export const ATTENDEE_ROLES = [
  { value: 'parent_carer', label: 'Parent or carer' },
  { value: 'young_person', label: 'Young person' },
  { value: 'educator', label: 'Teacher, SENCO or other educator' },
  { value: 'professional', label: 'Health, care or council professional' },
  { value: 'other', label: 'Someone else' },
] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number]['value'];
export const ATTENDEE_ROLE_VALUES: readonly AttendeeRole[] = ATTENDEE_ROLES.map((role) => role.value);

/** How a member of staff made a registration for someone: they phoned, or walked in on the day. */
export const REGISTERED_VIA = ['phone', 'walk_in'] as const;
export type RegisteredVia = (typeof REGISTERED_VIA)[number];
