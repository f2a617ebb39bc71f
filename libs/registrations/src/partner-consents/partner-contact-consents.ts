import { Injectable } from '@nestjs/common';
import { InvalidInput, ruleBroken } from '@roundtable/platform';
import type { EntityManager } from 'typeorm';

/** A partner organisation as an attendee sees it: its id and its name. */
export interface ConsentPartner {
  id: string;
  name: string;
}

/**
 * An attendee's consent to a co-hosting partner contacting them (partner_contact_consents), kept
 * here, beside the registration it belongs to, so it is written in the registration's own
 * transaction. This library does not import libs/partners (which imports it), so it reads the
 * co-host and consent tables by name.
 */
@Injectable()
export class PartnerContactConsents {
  /** The partners co-hosting an event, by name: those an attendee may let contact them. */
  cohostsOf(manager: EntityManager, eventId: string): Promise<ConsentPartner[]> {
    return manager.query(
      `SELECT partner.id, partner.name
         FROM event_cohosts cohost JOIN partners partner ON partner.id = cohost.partner_id
        WHERE cohost.event_id = $1
        ORDER BY partner.name, partner.id`,
      [eventId],
    );
  }

  /** The partners this registration has let contact it. */
  givenBy(manager: EntityManager, registrationId: string): Promise<ConsentPartner[]> {
    return manager.query(
      `SELECT partner.id, partner.name
         FROM partner_contact_consents consent JOIN partners partner ON partner.id = consent.partner_id
        WHERE consent.registration_id = $1
        ORDER BY partner.name, partner.id`,
      [registrationId],
    );
  }

  /**
   * Refuses (400) any id that is not a current co-host of the event: a consent names a partner
   * the attendee could see on the event. Checked before anything is written.
   */
  async assertCohosts(manager: EntityManager, eventId: string, partnerIds: readonly string[]): Promise<void> {
    if (partnerIds.length === 0) return;
    const cohosts = new Set((await this.cohostsOf(manager, eventId)).map((partner) => partner.id));
    const strangers = partnerIds.filter((id) => !cohosts.has(id));
    if (strangers.length > 0) {
      throw new InvalidInput(
        strangers.map((id) =>
          ruleBroken(
            'consent-to-a-cohost',
            `partnerContactConsent: ${id} does not co-host this event: list only the ids of its co-hosts`,
            'partnerContactConsent',
          ),
        ),
      );
    }
  }

  /** Records a new registration's consents (already checked by assertCohosts). */
  async give(manager: EntityManager, registrationId: string, partnerIds: readonly string[]): Promise<void> {
    if (partnerIds.length === 0) return;
    await manager.query(
      `INSERT INTO partner_contact_consents (registration_id, partner_id)
       SELECT $1, partner_id FROM unnest($2::uuid[]) AS partner_id
       ON CONFLICT DO NOTHING`,
      [registrationId, [...partnerIds]],
    );
  }

  /**
   * The holder of the manage link sets who may contact them: consents not in the list are
   * withdrawn (deleted, so the partner's portal stops showing them at once); new ones must name
   * a current co-host. Consents kept need not: a partner that stopped co-hosting keeps what it had.
   */
  async replace(
    manager: EntityManager,
    registrationId: string,
    eventId: string,
    partnerIds: readonly string[],
  ): Promise<void> {
    const given = new Set((await this.givenBy(manager, registrationId)).map((partner) => partner.id));
    const added = partnerIds.filter((id) => !given.has(id));
    await this.assertCohosts(manager, eventId, added);
    await manager.query(
      `DELETE FROM partner_contact_consents
        WHERE registration_id = $1 AND NOT (partner_id = ANY($2::uuid[]))`,
      [registrationId, [...partnerIds]],
    );
    await this.give(manager, registrationId, added);
  }
}
