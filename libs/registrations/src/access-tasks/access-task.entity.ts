import { EventEntity } from '@roundtable/events';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Registration } from '../registrations/registration.entity';

/**
 * An access need the venue does not already meet (a BSL interpreter, childcare, a quiet room…):
 * something staff must arrange by `dueAt`, and tell the attendee about when it is done.
 */
@Entity('access_tasks')
@Unique('access_tasks_one_per_need', ['registrationId', 'need'])
@Check('access_tasks_status_known', `"status" IN ('open', 'arranged', 'cancelled')`)
@Index('access_tasks_event', ['eventId', 'status', 'dueAt'])
// What the late-alert job looks for: open tasks past their due date that staff were not yet told of.
@Index('access_tasks_late_unalerted', ['dueAt'], { where: `"status" = 'open' AND "late_alerted_at" IS NULL` })
export class AccessTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE', nullable: false })
  event?: EventEntity;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Registration, { onDelete: 'CASCADE', nullable: false })
  registration?: Registration;

  @Column({ type: 'uuid' })
  registrationId: string;

  @Column({ type: 'text' })
  need: string;

  @Column({ type: 'text', default: 'open' })
  status: 'open' | 'arranged' | 'cancelled';

  /** By default 14 days before the event, so there is time to book an interpreter. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  arrangedAt: Date | null;

  /** What staff arranged, told to the attendee (e.g. "Sam, a BSL interpreter, will meet you at the door"). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** When staff were emailed that this task is late; null until then, so each is told of once. */
  @Column({ type: 'timestamptz', nullable: true })
  lateAlertedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
