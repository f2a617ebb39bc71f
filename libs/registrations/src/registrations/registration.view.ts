import { accessNeedLabel } from '../access-tasks/access-needs';
import type { RegisteredVia } from './registration-status';
import type { Registration } from './registration.entity';

/** What staff see of a registration (personal data: staff only). */
export interface RegistrationView {
  id: string;
  eventId: string;
  name: string;
  /** Null only for a walk-in who gave no address. */
  email: string | null;
  role: string | null;
  status: string;
  /** in_person or online. */
  attendance: string;
  /** People coming with them (each takes a place unless joining a hybrid event online). */
  companions: number;
  /** The person and their companions. */
  partySize: number;
  phone: string | null;
  accessNeeds: string[];
  accessNeedLabels: string[];
  accessNotes: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  attendedAt: string | null;
  createdAt: string;
  /** The member of staff who registered them (by phone, or as a walk-in); null if they did it themselves or were invited. */
  registeredByUserId: string | null;
  /** 'phone' or 'walk_in' when staff registered them; null otherwise. */
  registeredVia: RegisteredVia | null;
}

export function toRegistrationView(registration: Registration): RegistrationView {
  return {
    id: registration.id,
    eventId: registration.eventId,
    name: registration.name,
    email: registration.email,
    role: registration.role,
    status: registration.status,
    attendance: registration.attendance,
    companions: registration.companions,
    partySize: 1 + registration.companions,
    phone: registration.phone,
    accessNeeds: registration.accessNeeds,
    accessNeedLabels: registration.accessNeeds.map(accessNeedLabel),
    accessNotes: registration.accessNotes,
    confirmedAt: registration.confirmedAt?.toISOString() ?? null,
    cancelledAt: registration.cancelledAt?.toISOString() ?? null,
    attendedAt: registration.attendedAt?.toISOString() ?? null,
    createdAt: registration.createdAt.toISOString(),
    registeredByUserId: registration.registeredByUserId,
    registeredVia: registration.registeredVia,
  };
}
