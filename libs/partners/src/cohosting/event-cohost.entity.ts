import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventEntity } from '@roundtable/events';
import { Partner } from '../partners/partner.entity';

/**
 * A partner co-hosting an event: named on its public page, in every email about it and in its
 * calendar invites. Removing the row is removing the co-host.
 */
@Entity('event_cohosts')
@Index('event_cohosts_by_partner', ['partnerId'])
export class EventCohost {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'event_cohosts_event_fk' })
  event?: EventEntity;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'event_cohosts_partner_fk' })
  partner?: Partner;

  /** Who added it: a member of staff, or the staff member who accepted the partner's request. */
  @Column({ type: 'uuid', nullable: true })
  addedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
