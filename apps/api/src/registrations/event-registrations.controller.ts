import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventsService } from '@roundtable/events';
import { NotificationLedger } from '@roundtable/notifications';
import { PageQueryDto, type Page } from '@roundtable/platform';
import {
  RegistrationsRepository,
  toRegistrationView,
  type RegistrationView,
} from '@roundtable/registrations';
import type { User } from '@roundtable/identity';
import { PartnerEvents } from '@roundtable/partners';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { partnerActor } from '../partners/partner-actor';
import { uuidPipe } from '../http/uuid.pipe';

export interface LedgerEntryView {
  id: string;
  kind: string;
  recipient: string;
  registrationId: string | null;
  status: string;
  attempts: number;
  sendAt: string;
  sentAt: string | null;
  lastError: string | null;
}

@ApiTags('registrations')
@Controller('api/v1/events/:id')
export class EventRegistrationsController {
  constructor(
    private readonly partnerEvents: PartnerEvents,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: NotificationLedger,
  ) {}

  @Get('registrations')
  @Authenticated(...STAFF, 'partner')
  @ApiOperation({
    summary: 'Who is invited, confirmed, waitlisted…, with access needs',
    description:
      'Staff see everyone. A partner user sees only the counts (no names) of an event its organisation co-hosts, ' +
      'with an empty list; any other event is a 404 to it.',
  })
  async list(
    @Param('id', uuidPipe('event')) eventId: string,
    @Query() page: PageQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<RegistrationView> & { counts: Record<string, number> }> {
    if (user.role === 'partner') {
      const summary = await this.partnerEvents.get(partnerActor(user).partnerId, eventId);
      return { items: [], total: 0, counts: summary.counts };
    }
    await this.events.get(eventId);
    const [items, total] = await this.registrations.listForEvent(eventId, page);
    return {
      items: items.map(toRegistrationView),
      total,
      counts: await this.registrations.countsForEvent(eventId),
    };
  }

  @Get('notifications')
  @Authenticated(...STAFF)
  @ApiOperation({
    summary: "The delivery ledger: every message's kind, recipient, status, attempts and sentAt",
  })
  async notifications(
    @Param('id', uuidPipe('event')) eventId: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<LedgerEntryView>> {
    await this.events.get(eventId);
    const [rows, total] = await this.ledger.listForEvent(eventId, page);
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        recipient: row.recipientEmail,
        registrationId: row.registrationId,
        status: row.status,
        attempts: row.attempts,
        sendAt: row.sendAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
        lastError: row.lastError,
      })),
      total,
    };
  }
}
