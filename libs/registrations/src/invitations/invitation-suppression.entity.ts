import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const SUPPRESSION_SOURCES = ['one-click', 'unsubscribe-page', 'api'] as const;
export type SuppressionSource = (typeof SUPPRESSION_SOURCES)[number];

/**
 * Addresses that asked not to be invited again (the unsubscribe list). Keyed by the SHA-256 of
 * the normalised address, so the list itself holds no readable addresses: an invitation is
 * checked by hashing the address it is for. Unsubscribing stops invitations only; messages
 * about a place someone has (confirmations, reminders, changes) are service messages and go on.
 */
@Entity('invitation_suppressions')
@Check('invitation_suppressions_source_known', `"source" IN ('one-click', 'unsubscribe-page', 'api')`)
export class InvitationSuppression {
  /** hex SHA-256 of normaliseEmail(address); see addressHash. */
  @PrimaryColumn({ type: 'text' })
  addressHash: string;

  /** How they asked: the mail client's one-click button, our page, or the JSON API. */
  @Column({ type: 'text' })
  source: SuppressionSource;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
