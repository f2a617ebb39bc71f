import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ERASURE_REASONS = ['request', 'retention'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/**
 * What an erasure leaves behind: a count, never data. One row per erasure run (a request through
 * the private link erases one; a retention sweep may erase many), with the campaign it came from
 * so a report can say how many were withdrawn.
 */
@Entity('testimony_erasures')
@Check('testimony_erasures_reason_known', `"reason" IN ('request', 'retention')`)
@Check('testimony_erasures_count_positive', `"count" > 0`)
@Index('testimony_erasures_by_time', ['erasedAt'])
export class TestimonyErasure {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  reason: ErasureReason;

  @Column({ type: 'integer' })
  count: number;

  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  erasedAt: Date;
}
