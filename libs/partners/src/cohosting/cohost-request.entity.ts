import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { EventEntity } from '@roundtable/events';
import { Partner } from '../partners/partner.entity';

export const COHOST_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type CohostRequestStatus = (typeof COHOST_REQUEST_STATUSES)[number];

/** A partner asking to co-host a published event; staff accept or decline, and both are told. */
@Entity('cohost_requests')
@Check('cohost_requests_status_known', `"status" IN ('pending', 'accepted', 'declined')`)
// One open request per partner and event: asking again while one waits changes nothing.
@Index('cohost_requests_one_pending', ['eventId', 'partnerId'], {
  unique: true,
  where: `"status" = 'pending'`,
})
@Index('cohost_requests_by_status', ['status', 'createdAt'])
export class CohostRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'cohost_requests_event_fk' })
  event?: EventEntity;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'cohost_requests_partner_fk' })
  partner?: Partner;

  @Column({ type: 'uuid' })
  partnerId: string;

  /** The partner user who asked. No foreign key: the request outlives a deactivated user. */
  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text', default: 'pending' })
  status: CohostRequestStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Staff's reason when they decline, told to the partner. */
  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
