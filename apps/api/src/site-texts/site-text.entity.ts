import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * An admin's own wording for one of the site's fixed pages (the privacy notice, the accessibility
 * statement). No row: the page shows its default text (see site-text-defaults.ts); resetting to
 * the default deletes the row.
 */
@Entity('site_texts')
@Check('site_texts_key_known', `"key" IN ('privacy', 'accessibility')`)
export class SiteText {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'site_texts_pkey' })
  key: string;

  /** Plain paragraphs separated by blank lines; shown escaped, never as HTML. */
  @Column({ type: 'text' })
  body: string;

  /** The admin who last changed it (no foreign key: the audit log keeps the history). */
  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
