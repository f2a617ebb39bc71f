import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@roundtable/identity';
import type { ImportMapping } from './import-mapping';

/** The mapping last used for a survey (by its header row's fingerprint), offered again for its next export. */
@Entity('testimony_import_mappings')
export class TestimonyImportMapping {
  @PrimaryColumn('text')
  fingerprint: string;

  @Column({ type: 'jsonb' })
  mapping: ImportMapping;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'saved_by_id', foreignKeyConstraintName: 'testimony_import_mappings_saved_by_fk' })
  savedBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  savedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
