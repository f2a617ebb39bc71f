import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from './role';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case and trimmed, so sign-in is case-insensitive. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  /**
   * The partner organisation a `partner` user belongs to. No foreign key here (identity does not
   * know libs/partners); partners are never deleted, only rejected, so it cannot dangle.
   */
  @Column({ type: 'uuid', nullable: true })
  partnerId: string | null;

  /** Set when an admin (or a partner's staff contact) deactivates the user: sign-in and every session end. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  /** When the user last signed in (null: not since this was recorded). */
  @Column({ type: 'timestamptz', nullable: true })
  lastSignedInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
