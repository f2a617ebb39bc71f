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

export const THEME_STATUSES = ['active', 'retired'] as const;
export type ThemeStatus = (typeof THEME_STATUSES)[number];

/**
 * A theme people's testimony is tagged with ("EHC plan delays"). Nothing is ever deleted: a theme
 * staff no longer want is retired, and one folded into another keeps a pointer to it, so
 * testimony tagged years ago still says what it was tagged with and where that went.
 */
@Entity('themes')
@Unique('themes_slug', ['slug'])
@Unique('themes_name', ['name'])
@Check('themes_status_known', `"status" IN ('active', 'retired')`)
// Only a retired theme points anywhere, never at itself.
@Check(
  'themes_merged_is_retired',
  `"merged_into_id" IS NULL OR ("status" = 'retired' AND "merged_into_id" <> "id")`,
)
export class Theme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Made from the first name and kept through renames, so links and exports stay stable. */
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', default: 'active' })
  status: ThemeStatus;

  @ManyToOne(() => Theme, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'themes_merged_into' })
  mergedInto?: Theme | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
