import type { EventEntity } from '@roundtable/events';

/**
 * Whether the public can register for a published event: open, full (they can still join the
 * waiting list), or closed because it was cancelled or has started. The same rules as
 * RegistrationsService, read ahead so the pages can explain them before anyone fills in a form.
 */
export type RegistrationOpening = 'open' | 'full' | 'cancelled' | 'started';

export function registrationOpening(event: EventEntity, now: Date): RegistrationOpening {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.startsAt <= now) return 'started';
  if (event.capacity !== null && event.placesTaken >= event.capacity) return 'full';
  return 'open';
}

export function isOpenForRegistration(opening: RegistrationOpening): boolean {
  return opening === 'open' || opening === 'full';
}
