import { Injectable, Logger } from '@nestjs/common';
import { UsersService } from '@roundtable/identity';
import { NotificationOutbox } from '@roundtable/notifications';
import { isUniqueViolation, normaliseEmail } from '@roundtable/platform';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { RegisterPartnerDto } from '../dto/register-partner.dto';
import { CharityNumberInvalid, CharityNumberTaken, ContactEmailTaken } from '../errors';
import { parseCharityNumber } from './charity-number';
import { PartnerMessages } from './partner-messages';
import { Partner } from './partner.entity';

/**
 * An organisation registers itself: it lands as pending and every active member of staff is
 * told. A charity number or contact address already registered is refused with a message that
 * names neither the other organisation nor its contact. Logs ids only.
 */
@Injectable()
export class PartnerRegistration {
  private readonly logger = new Logger(PartnerRegistration.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly messages: PartnerMessages,
    private readonly outbox: NotificationOutbox,
  ) {}

  async register(input: RegisterPartnerDto): Promise<{ id: string; status: 'pending' }> {
    const charity = input.charityNumber === undefined ? null : parseCharityNumber(input.charityNumber);
    if (input.charityNumber !== undefined && !charity) throw new CharityNumberInvalid();
    const contactEmail = normaliseEmail(input.contactEmail);
    const { id, due } = await this.dataSource.transaction(async (manager) => {
      await this.refuseDuplicates(manager, charity?.number ?? null, contactEmail);
      const partner = await this.insert(manager, {
        name: input.name,
        charityNumber: charity?.number ?? null,
        charityRegister: charity?.register ?? null,
        contactName: input.contactName.trim(),
        contactEmail,
        description: input.description,
        areas: input.areas,
        status: 'pending',
      });
      const staff = await this.users.activeStaff(manager);
      return { id: partner.id, due: await this.messages.planRegistered(manager, partner.id, staff) };
    });
    await this.outbox.enqueue(due);
    this.logger.log(`Partner ${id} registered; ${due.length} member(s) of staff told`);
    return { id, status: 'pending' };
  }

  private async refuseDuplicates(manager: EntityManager, charityNumber: string | null, contactEmail: string) {
    const partners = manager.getRepository(Partner);
    if (charityNumber && (await partners.existsBy({ charityNumber }))) throw new CharityNumberTaken();
    if (await partners.existsBy({ contactEmail })) throw new ContactEmailTaken();
  }

  /** Two registrations at once pass the reads above; the unique indexes refuse the second. */
  private async insert(manager: EntityManager, values: Partial<Partner>): Promise<Partner> {
    try {
      return await manager.save(manager.create(Partner, values));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const constraint = ((error as QueryFailedError).driverError as { constraint?: string }).constraint;
      throw constraint === 'partners_one_per_charity_number'
        ? new CharityNumberTaken()
        : new ContactEmailTaken();
    }
  }
}
