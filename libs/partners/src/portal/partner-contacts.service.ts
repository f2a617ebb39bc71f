import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { DataSource } from 'typeorm';
import { PartnerEvents } from './partner-events.service';

/** Someone who let this partner contact them. Personal data: never logged. */
export interface PartnerContact {
  name: string;
  email: string;
  role: string | null;
}

/** Who can read what: the partner and its signed-in user. */
export interface PartnerActor {
  userId: string;
  partnerId: string;
}

/**
 * The attendees of a co-hosted event who ticked that this partner may contact them, while they
 * are still registered (a cancellation or a withdrawn consent removes them at once: nothing is
 * copied). Every read is audited with who, which event and how many, never the contents.
 */
@Injectable()
export class PartnerContacts {
  private readonly logger = new Logger(PartnerContacts.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: PartnerEvents,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: PartnerActor, eventId: string): Promise<PartnerContact[]> {
    await this.events.assertCohosts(actor.partnerId, eventId);
    return this.dataSource.transaction(async (manager) => {
      const contacts: PartnerContact[] = await manager.query(
        `SELECT registration.name, registration.email, registration.role
           FROM registrations registration
           JOIN partner_contact_consents consent
             ON consent.registration_id = registration.id AND consent.partner_id = $2
          WHERE registration.event_id = $1
            AND registration.status IN ('confirmed', 'waitlisted', 'attended')
          ORDER BY registration.name, registration.id`,
        [eventId, actor.partnerId],
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'partner.contacts.read',
          subjectType: 'event',
          subjectId: eventId,
          detail: { partnerId: actor.partnerId, count: contacts.length },
        },
        manager,
      );
      this.logger.log(
        `Partner ${actor.partnerId} user ${actor.userId} read ${contacts.length} contact(s) of event ${eventId}`,
      );
      return contacts;
    });
  }
}
