import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CharityRegister } from './charity-number';

export const PARTNER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/**
 * A partner organisation (a carers' charity, a parent-carer forum). It registers itself and waits
 * as `pending` until staff approve or reject it. Rows are never deleted: a rejected organisation
 * keeps its row so that the same charity or contact cannot quietly register again, and users and
 * the audit log go on naming it. The contact's name and address are personal data: log the id.
 */
@Entity('partners')
@Check('partners_status_known', `"status" IN ('pending', 'approved', 'rejected')`)
@Check(
  'partners_register_known',
  `"charity_register" IS NULL OR "charity_register" IN ('england-wales', 'scotland', 'northern-ireland')`,
)
@Check('partners_rejection_has_reason', `"status" <> 'rejected' OR "rejection_reason" IS NOT NULL`)
@Index('partners_one_per_charity_number', ['charityNumber'], {
  unique: true,
  where: `"charity_number" IS NOT NULL`,
})
@Index('partners_one_per_contact_email', ['contactEmail'], { unique: true })
@Index('partners_by_status', ['status', 'createdAt'])
export class Partner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Normalised (upper-case, no spaces), e.g. `1123456-1`, `SC040268`, `NIC100002`. */
  @Column({ type: 'text', nullable: true })
  charityNumber: string | null;

  /** Which register the number belongs to, read from its format. */
  @Column({ type: 'text', nullable: true })
  charityRegister: CharityRegister | null;

  @Column({ type: 'text' })
  contactName: string;

  /** Trimmed and lower-cased, so one contact is one organisation whatever the capitals. */
  @Column({ type: 'text' })
  contactEmail: string;

  @Column({ type: 'text' })
  description: string;

  /** The areas it serves, from the same list as events' areas. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  areas: string[];

  @Column({ type: 'text', default: 'pending' })
  status: PartnerStatus;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  /** The member of staff who approved or rejected it. No foreign key: the row outlives the user. */
  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
