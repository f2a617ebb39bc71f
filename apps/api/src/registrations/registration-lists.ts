import { Injectable } from '@nestjs/common';
import { EventsService, type EventEntity } from '@roundtable/events';
import { AuditLog } from '@roundtable/identity';
import { Registration } from '@roundtable/registrations';
import { DataSource } from 'typeorm';

export interface RegistrationList {
  event: EventEntity;
  registrations: Registration[];
}

/** Who counts as coming, on the sign-in sheet: a place confirmed, or already checked in. */
const COMING = ['confirmed', 'attended'];

/**
 * The lists staff take along to an event: every registration as a spreadsheet, and the sign-in
 * sheet of the people coming. Both are reads of personal data in bulk, so each is audited
 * (registration.export, registration.print) with the event's id and a count, never names.
 */
@Injectable()
export class RegistrationLists {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditLog,
  ) {}

  /** Everyone with a registration, by status then name, for the CSV. */
  async forExport(eventId: string, actorId: string): Promise<RegistrationList> {
    const event = await this.events.get(eventId);
    const registrations = await this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId', { eventId })
      .orderBy('r.status')
      .addOrderBy('lower(r.name)')
      .addOrderBy('r.id')
      .getMany();
    await this.audit.record({
      actorId,
      action: 'registration.export',
      subjectType: 'event',
      subjectId: eventId,
      detail: { format: 'csv', count: registrations.length },
    });
    return { event, registrations };
  }

  /** The people coming, alphabetically, for the printed sign-in sheet. */
  async forSignInSheet(eventId: string, actorId: string): Promise<RegistrationList> {
    const event = await this.events.get(eventId);
    const registrations = await this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId', { eventId })
      .andWhere('r.status IN (:...coming)', { coming: COMING })
      .orderBy('lower(r.name)')
      .addOrderBy('r.id')
      .getMany();
    await this.audit.record({
      actorId,
      action: 'registration.print',
      subjectType: 'event',
      subjectId: eventId,
      detail: { count: registrations.length },
    });
    return { event, registrations };
  }
}
