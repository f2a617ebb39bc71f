import { Injectable, Logger } from '@nestjs/common';
import { EventNotFound, shareForPlanning, takePlace } from '@roundtable/events';
import { AuditLog } from '@roundtable/identity';
import { Clock, isUniqueViolation, normaliseEmail } from '@roundtable/platform';
import { DataSource } from 'typeorm';
import { assertCheckInOpen } from '../attendance/attendance-window';
import type { RegisterDto } from '../dto/registration.dto';
import type { WalkInDto } from '../dto/walk-in.dto';
import { AddressAlreadyHasRegistration, RegistrationNotInEvent } from '../errors';
import { ManageLinks } from '../manage-links/manage-links.service';
import { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService, type Registered } from './registrations.service';

export interface WalkInRecorded {
  registration: Registration;
  /** Every place was taken: they were let in all the same, holding none (see recordWalkIn). */
  overCapacity: boolean;
}

/**
 * Registrations a member of staff makes for someone else: a person who phoned the office, and a
 * person who walked in on the day without registering. Each row says who made it and how, and
 * each is audited (registration.on-behalf, registration.walk-in) with ids only.
 */
@Injectable()
export class StaffRegistrations {
  private readonly logger = new Logger(StaffRegistrations.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registrationsService: RegistrationsService,
    private readonly registrations: RegistrationsRepository,
    private readonly manageLinks: ManageLinks,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers someone who phoned, through the public path: the same capacity and waiting list,
   * access tasks and emails (the confirmation with their manage link and calendar invite, or the
   * waiting-list email). An address that already has a registration is refused, saying what it is.
   */
  async registerOnBehalf(
    eventId: string,
    input: RegisterDto,
    staffUserId: string,
  ): Promise<Registered & { registration: Registration }> {
    const result = await this.registrationsService.register(eventId, input, {
      onBehalf: {
        staffUserId,
        alsoInTransaction: (manager, registration) =>
          this.audit.record(
            {
              actorId: staffUserId,
              action: 'registration.on-behalf',
              subjectType: 'registration',
              subjectId: registration.id,
              detail: { eventId, status: registration.status, via: 'phone' },
            },
            manager,
          ),
      },
    });
    // Staff are never limited, and an existing address is refused: there is always a new row.
    if (!result.registration) throw new Error(`Registration on behalf for event ${eventId} made nothing`);
    return { ...result, registration: result.registration };
  }

  /** One of the event's registrations, for the page that says what registering them did. */
  async get(eventId: string, registrationId: string): Promise<Registration> {
    const registration = await this.dataSource
      .getRepository(Registration)
      .findOneBy({ id: registrationId, eventId });
    if (!registration) throw new RegistrationNotInEvent(registrationId);
    return registration;
  }

  /**
   * Records someone who came without registering: a registration already attended, counted in
   * attendance like everyone checked in. Only when the event can take attendance (published, from
   * its day on). Nothing is emailed, even to an address they give: they did not ask for mail, and
   * they are in the room; the address is kept so the office can follow up.
   *
   * They take a place if one is free. If none is, they are let in all the same (withoutPlace): a
   * walk-in is already in the room, and turning the record away would not send them home, only
   * leave them out of the attendance the report counts. The capacity is a booking limit for
   * people yet to come; staff are told, so they can see to the room.
   */
  async recordWalkIn(eventId: string, input: WalkInDto, staffUserId: string): Promise<WalkInRecorded> {
    const email = input.email ? normaliseEmail(input.email) : null;
    let recorded: WalkInRecorded;
    try {
      recorded = await this.dataSource.transaction(async (manager) => {
        const event = await shareForPlanning(manager, eventId);
        if (!event) throw new EventNotFound(eventId);
        assertCheckInOpen(event, this.clock.now());
        if (email !== null) {
          const existing = await this.registrations.findForPerson(manager, eventId, email);
          if (existing) throw new AddressAlreadyHasRegistration(existing.id, existing.status);
        }
        const hasPlace = await takePlace(manager, eventId);
        const now = this.clock.now();
        const registration = await this.registrations.insert(manager, {
          eventId,
          email,
          name: input.name,
          role: input.role ?? null,
          accessNeeds: input.accessNeeds ?? [],
          accessNotes: input.accessNotes?.trim() || null,
          ...this.manageLinks.newSeed(),
          status: 'attended',
          confirmedAt: hasPlace ? now : null,
          attendedAt: now,
          registeredByUserId: staffUserId,
          registeredVia: 'walk_in',
          withoutPlace: !hasPlace,
        });
        await this.audit.record(
          {
            actorId: staffUserId,
            action: 'registration.walk-in',
            subjectType: 'registration',
            subjectId: registration.id,
            detail: { eventId, withoutPlace: !hasPlace, emailGiven: email !== null },
          },
          manager,
        );
        return { registration, overCapacity: !hasPlace };
      });
    } catch (error) {
      // The same address recorded twice at once: the second is told, as for any existing one.
      if (!isUniqueViolation(error) || email === null) throw error;
      const existing = await this.registrations.findForPerson(this.dataSource.manager, eventId, email);
      if (!existing) throw error;
      throw new AddressAlreadyHasRegistration(existing.id, existing.status);
    }
    this.logger.log(
      `Walk-in ${recorded.registration.id} recorded at event ${eventId} by staff user ${staffUserId}` +
        (recorded.overCapacity ? ', beyond capacity' : ''),
    );
    return recorded;
  }
}
