import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EventKind, EventStatus } from '../event-kinds';
import { Campaign } from '@roundtable/campaigns';
import { Venue } from '../venues/venue.entity';

/**
 * A listening event or roundtable. Named EventEntity, not Event, so it cannot be mistaken for
 * the DOM's global Event type.
 */
@Entity('events')
@Check('events_ends_after_start', '"ends_at" > "starts_at"')
@Check('events_has_place', '"venue_id" IS NOT NULL OR "online_url" IS NOT NULL')
@Check('events_capacity_positive', '"capacity" IS NULL OR "capacity" > 0')
// The last word on overbooking: however many register at once, places taken never pass capacity.
@Check('events_places_within_capacity', '"capacity" IS NULL OR "places_taken" <= "capacity"')
@Check('events_kind_known', `"kind" IN ('listening_event', 'roundtable')`)
@Check('events_status_known', `"status" IN ('draft', 'published', 'cancelled')`)
// The database itself refuses two live events overlapping at one venue, whatever the
// concurrency; the service checks first only to name the clashing event in its answer.
@Exclusion(
  'events_no_venue_clash',
  `USING gist ("venue_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" <> 'cancelled' AND "venue_id" IS NOT NULL)`,
)
@Index('events_status_starts_at', ['status', 'startsAt'])
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: EventKind;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @ManyToOne(() => Venue, { nullable: true, onDelete: 'RESTRICT' })
  venue: Venue | null;

  @Index('events_venue_id')
  @Column({ type: 'uuid', nullable: true })
  venueId: string | null;

  @Column({ type: 'text', nullable: true })
  onlineUrl: string | null;

  /** Null means no limit (online-only events); otherwise never more than the venue's. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  /** Confirmed places, kept on the event row so a booking is one conditional UPDATE. */
  @Column({ type: 'integer', default: 0 })
  placesTaken: number;

  /** ISO 8601 durations before the start at which registered people are reminded. */
  @Column({ type: 'text', array: true, default: () => "'{P7D,P1D,PT2H}'" })
  reminderOffsets: string[];

  @Column({ type: 'text', default: 'draft' })
  status: EventStatus;

  /**
   * iCalendar SEQUENCE: raised whenever a published event's time, place or status changes, so
   * calendars treat the next invite as an update of the one they hold.
   */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** The campaign the event belongs to, if any; deleting the campaign unlinks its events. */
  @ManyToOne(() => Campaign, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'events_campaign_fk' })
  campaign?: Campaign | null;

  @Index('events_campaign_id')
  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
