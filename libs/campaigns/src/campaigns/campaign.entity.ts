import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignStatus } from '../campaign-statuses';

/** A campaign groups events, and later testimony and a report, under one question the office asks. */
@Entity('campaigns')
@Check('campaigns_ends_on_or_after_start', '"ends_on" >= "starts_on"')
@Check('campaigns_status_known', `"status" IN ('draft', 'published', 'closed')`)
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  /** Calendar dates (YYYY-MM-DD), kept as text by the driver so no time zone shifts them. */
  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  /** What happens to the evidence: told to everyone before they share anything. */
  @Column({ type: 'text' })
  evidenceUse: string;

  @Column({ type: 'text', default: 'draft' })
  status: CampaignStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
