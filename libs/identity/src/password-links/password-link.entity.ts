import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../user.entity';

export const PASSWORD_LINK_PURPOSES = ['welcome', 'reset'] as const;
export type PasswordLinkPurpose = (typeof PASSWORD_LINK_PURPOSES)[number];

/**
 * A single-use, expiring link to set a password: a new partner user's welcome, or a reset. Derived
 * like manage links (DerivedLinkKeys, prefix `rtp_`): the row keeps a nonce, the key id and the
 * token's SHA-256, never the token, and the worker rebuilds it for the email. Using it sets usedAt.
 */
@Entity('password_links')
@Check('password_links_purpose_known', `"purpose" IN ('welcome', 'reset')`)
@Index('password_links_by_token', ['tokenHash'], { unique: true })
export class PasswordLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'password_links_user_fk' })
  user?: User;

  @Index('password_links_by_user')
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: PasswordLinkPurpose;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ type: 'text' })
  keyId: string;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
