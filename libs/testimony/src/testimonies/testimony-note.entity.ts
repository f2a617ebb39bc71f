import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@roundtable/identity';
import { EncryptedColumn } from '../encryption/encrypted-column';
import { Testimony } from './testimony.entity';

/** An internal note staff keep on a testimony. Its text is sealed (NOTE_BODY_SEALED). */
@Entity('testimony_notes')
@Index('testimony_notes_by_testimony', ['testimonyId', 'createdAt'])
export class TestimonyNote {
  @PrimaryColumn('uuid')
  id: string;

  @ManyToOne(() => Testimony, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'testimony_notes_testimony_fk' })
  testimony?: Testimony;

  @Column({ type: 'uuid' })
  testimonyId: string;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'testimony_notes_author_fk' })
  author?: User | null;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const NOTE_BODY_SEALED = new EncryptedColumn('testimony_notes', 'body');
