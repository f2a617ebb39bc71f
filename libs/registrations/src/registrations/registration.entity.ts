import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { EventEntity } from '@roundtable/events';
import { MAX_COMPANIONS, type Attendance } from './party';
import type { RegisteredVia, RegistrationStatus } from './registration-status';

/**
 * One person's relationship with one event: invited, registered, waitlisted and so on. Contact
 * details are personal data: log the id, never the name or email.
 */
@Entity('registrations')
@Unique('registrations_one_per_person', ['eventId', 'email'])
@Check(
  'registrations_status_known',
  `"status" IN ('invited', 'confirmed', 'declined', 'waitlisted', 'cancelled', 'attended')`,
)
@Check('registrations_attendance_known', `"attendance" IN ('in_person', 'online')`)
@Check('registrations_companions_range', `"companions" BETWEEN 0 AND ${MAX_COMPANIONS}`)
@Index('registrations_waitlist', ['eventId', 'queuePosition'], { where: `"status" = 'waitlisted'` })
// The public registration limit counts these by address (see RegistrationsRepository.book and
// book_registration).
@Index('registrations_public_by_address', ['email', 'createdAt'], { where: `"invited_at" IS NULL` })
// Only a walk-in may have no address: everyone else is written to.
@Check('registrations_email_unless_walk_in', `"email" IS NOT NULL OR "registered_via" = 'walk_in'`)
@Check('registrations_registered_via_known', `"registered_via" IN ('phone', 'walk_in')`)
@Check('registrations_without_place_walk_in', `NOT "without_place" OR "registered_via" = 'walk_in'`)
export class Registration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: false })
  event?: EventEntity;

  @Column({ type: 'uuid' })
  eventId: string;

  /**
   * Trimmed and lower-cased, so one person is one registration whatever the capitals. Null only
   * for a walk-in who gave none (they are never written to); nulls do not collide in the
   * one-per-person constraint, so any number of them can come to one event.
   */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ type: 'text' })
  status: RegistrationStatus;

  /**
   * How they take part: in person or online. Chosen for a hybrid event; for the others it is the
   * event's own format. Online attendees of a hybrid event take no place (see placesFor).
   */
  @Column({ type: 'text', default: 'in_person' })
  attendance: Attendance;

  /** The people coming with them (a carer, a partner): each takes a place of their own. */
  @Column({ type: 'integer', default: 0 })
  companions: number;

  /** For those who would rather be called. Personal data: erased with the name and email. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  accessNeeds: string[];

  @Column({ type: 'text', nullable: true })
  accessNotes: string | null;

  /**
   * SHA-256 of the private manage link's token, by which a link finds its row. The token itself
   * is in no table: it is derived when a message needs it (see ManageLinkKeys).
   */
  @Index('registrations_manage_token', { unique: true })
  @Column({ type: 'text' })
  manageTokenHash: string;

  /**
   * The manage link's random seed: the token is HMAC-SHA256 of it under the server key named by
   * linkKeyId (LINK_KEYS). Null only for rows made before derived links, until their next
   * message gives them one (see the LinkSeeds migration).
   */
  @Column({ type: 'text', nullable: true })
  linkNonce: string | null;

  @Column({ type: 'text', nullable: true })
  linkKeyId: string | null;

  /**
   * How many times this person's own calendar item was taken away or given back (a personal
   * cancel or decline, a later re-registration or accept). Their invite's SEQUENCE is the
   * event's sequence plus this, so it rises with every change to either and never goes back:
   * the same registration row, and so the same UID, is reused when someone registers again.
   */
  @Column({ type: 'integer', default: 0 })
  calendarRevision: number;

  /** Arrival order, from a sequence: the waitlist is promoted lowest first. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  queuePosition: string;

  @Column({ type: 'timestamptz', nullable: true })
  invitedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendedAt: Date | null;

  /**
   * The co-hosting partner whose user invited this person, named in the invitation ("invited by
   * ..."); null when staff invited them or they registered themselves. No foreign key: this library
   * does not know libs/partners, and partners are never deleted.
   */
  @Column({ type: 'uuid', nullable: true })
  invitedByPartnerId: string | null;

  /**
   * The member of staff who made this registration for the person: on their behalf when they
   * phoned (registeredVia 'phone'), or at the door (a walk-in). Null when the person registered
   * themselves or was invited. No foreign key: users are deactivated, never deleted.
   */
  @Column({ type: 'uuid', nullable: true })
  registeredByUserId: string | null;

  /** How staff made it (see registeredByUserId): 'phone' or 'walk_in'; null otherwise. */
  @Column({ type: 'text', nullable: true })
  registeredVia: RegisteredVia | null;

  /**
   * A walk-in let in when every place was taken: they are in the room, so they are recorded, but
   * they hold no place (places_taken never passes capacity), and undoing them frees none.
   */
  @Column({ type: 'boolean', default: false })
  withoutPlace: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
