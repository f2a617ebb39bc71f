import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Theme } from '../themes/theme.entity';
import { Testimony } from './testimony.entity';

/**
 * One theme a testimony is tagged with. A theme merged into another keeps its tags: the tag still
 * says what it was given, and reports count it under the theme it was merged into.
 */
@Entity('testimony_themes')
@Index('testimony_themes_by_theme', ['themeId'])
export class TestimonyTheme {
  @PrimaryColumn('uuid')
  testimonyId: string;

  @PrimaryColumn('uuid')
  themeId: string;

  @ManyToOne(() => Testimony, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'testimony_themes_testimony_fk' })
  testimony?: Testimony;

  @ManyToOne(() => Theme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'theme_id', foreignKeyConstraintName: 'testimony_themes_theme_fk' })
  theme?: Theme;
}
