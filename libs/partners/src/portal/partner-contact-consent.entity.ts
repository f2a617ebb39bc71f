import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Registration } from '@roundtable/registrations';
import { Partner } from '../partners/partner.entity';

/**
 * An attendee's yes, ticked when registering, to one co-hosting partner contacting them. Kept per
 * attendee and partner; withdrawn from the manage link by deleting the row, so the partner's
 * portal stops showing them at once. Only with this row may a partner see a name or an address.
 */
@Entity('partner_contact_consents')
@Index('partner_contact_consents_by_partner', ['partnerId'])
export class PartnerContactConsent {
  @PrimaryColumn({ type: 'uuid' })
  registrationId: string;

  @PrimaryColumn({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => Registration, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({
    name: 'registration_id',
    foreignKeyConstraintName: 'partner_contact_consents_registration_fk',
  })
  registration?: Registration;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'partner_contact_consents_partner_fk' })
  partner?: Partner;

  @CreateDateColumn({ type: 'timestamptz' })
  givenAt: Date;
}
