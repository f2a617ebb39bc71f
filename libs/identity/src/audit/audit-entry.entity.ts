import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One thing a signed-in person did to personal data: read a testimony, exported a report, ran an
 * import. Who, what and when, with ids only (`detail` holds ids and counts, never contents), so
 * the log itself is safe to show an admin. Rows are only ever added.
 */
@Entity('audit_log')
@Index('audit_log_by_time', ['at'])
@Index('audit_log_by_actor', ['actorId', 'at'])
@Index('audit_log_by_action', ['action', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** Null for the system (the retention sweep). No foreign key: the log outlives the user it names. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. `testimony.read`, `testimony.export`, `testimony.import` (see AUDIT_ACTIONS). */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  /** Ids and counts only: which filters, how many rows, which format. Never a story or an address. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, string | number | boolean | null | readonly string[]>;

  /** The request it happened in, to join it to the logs. */
  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
