import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Testimony } from './testimony.entity';

export const CASEWORK_STATUSES = ['open', 'in-progress', 'closed'] as const;
export type CaseworkStatus = (typeof CASEWORK_STATUSES)[number];

/**
 * "Please take this up as casework": a referral in the caseworkers' own queue, one per testimony.
 * Withdrawing the request (or erasing the testimony) removes it.
 */
@Entity('casework_referrals')
@Unique('casework_referrals_one_per_testimony', ['testimonyId'])
@Check('casework_referrals_status_known', `"status" IN ('open', 'in-progress', 'closed')`)
export class CaseworkReferral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Testimony, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'casework_referrals_testimony_fk' })
  testimony?: Testimony;

  @Column({ type: 'uuid' })
  testimonyId: string;

  @Column({ type: 'text', default: 'open' })
  status: CaseworkStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
