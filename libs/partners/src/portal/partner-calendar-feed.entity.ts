import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Partner } from '../partners/partner.entity';

/**
 * A private calendar feed of the events a partner co-hosts. Its URL carries a random token that is
 * shown once, when made; only the token's SHA-256 is kept. Revoking sets revokedAt, and the URL
 * then answers 404.
 */
@Entity('partner_calendar_feeds')
@Index('partner_calendar_feeds_by_token', ['tokenHash'], { unique: true })
export class PartnerCalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'partner_calendar_feeds_partner_fk' })
  partner?: Partner;

  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
