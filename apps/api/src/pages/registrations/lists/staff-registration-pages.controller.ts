import { Controller, Get, Param, Query, Render, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService, toEventView } from '@roundtable/events';
import { formatLondonDate, formatLondonTime } from '@roundtable/platform';
import { NotificationLedger } from '@roundtable/notifications';
import { UsersService } from '@roundtable/identity';
import {
  ATTENDEE_ROLES,
  REGISTRATION_STATUSES,
  RegistrationsRepository,
  toRegistrationView,
  type Registration,
} from '@roundtable/registrations';
import { uuidPipe } from '../../../http/uuid.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { FormErrors } from '../../forms/form-errors';
import { textField } from '../../forms/form-fields';
import { PAGE_SIZE, paginationView, readPageNumber } from '../../forms/pagination';
import { chosenAccessNeedLabel } from '../registration-form';
import { NOTIFICATION_KIND_LABELS, REGISTRATION_STATUS_LABELS } from './registration-labels';

/** "Monday 16 March 2026, 6:30pm", in UK time. */
function londonMoment(date: Date): string {
  return `${formatLondonDate(date)}, ${formatLondonTime(date)}`;
}

/** "Registered by Jo Bloggs (by phone)", when a member of staff made the registration. */
function registeredBy(row: Registration, staffNames: ReadonlyMap<string, string>): string | undefined {
  if (!row.registeredByUserId || !row.registeredVia) return undefined;
  const who = staffNames.get(row.registeredByUserId) ?? 'a member of staff';
  return row.registeredVia === 'walk_in'
    ? `Walked in, recorded by ${who}`
    : `Registered by ${who} (by phone)`;
}

/**
 * Staff views of an event's people: who registered (with access needs; personal data, staff only)
 * and the delivery ledger, every message planned for the event and how it went.
 */
@ApiExcludeController()
@Controller('staff/events/:id')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffRegistrationPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsRepository,
    private readonly ledger: NotificationLedger,
    private readonly users: UsersService,
  ) {}

  @Get('registrations')
  @Render('pages/registrations/lists/list.njk')
  async list(@Param('id', uuidPipe('event')) id: string, @Query() query: Record<string, unknown>) {
    const event = await this.events.get(id);
    const status = textField(query, 'status');
    const errors = new FormErrors();
    const known = status === '' || (REGISTRATION_STATUSES as readonly string[]).includes(status);
    // A status we do not know (an old or edited link) is said plainly, and everyone is shown.
    if (!known) errors.add('status', 'Select a status from the list');
    const page = readPageNumber(query);
    const [rows, total] = await this.registrations.listForEvent(id, {
      status: known && status !== '' ? status : undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const counts = await this.registrations.countsForEvent(id);
    const staffNames = await this.users.namesOf(rows.flatMap((row) => row.registeredByUserId ?? []));
    return {
      event: toEventView(event),
      status: known ? status : '',
      statusLabel: REGISTRATION_STATUS_LABELS[status],
      statuses: REGISTRATION_STATUSES.map((value) => ({
        value,
        label: `${REGISTRATION_STATUS_LABELS[value]} (${counts[value] ?? 0})`,
      })),
      registrations: rows.map((row) => ({
        ...toRegistrationView(row),
        accessNeedLabels: row.accessNeeds.map(chosenAccessNeedLabel),
        roleLabel: ATTENDEE_ROLES.find((role) => role.value === row.role)?.label ?? 'Not given',
        registeredAt: londonMoment(row.createdAt),
        registeredBy: registeredBy(row, staffNames),
      })),
      total,
      everyone: Object.values(counts).reduce((sum, count) => sum + count, 0),
      pagination: paginationView(`/staff/events/${id}/registrations`, query, page, total),
      ...errors.toView(['status']),
    };
  }

  @Get('notifications')
  @Render('pages/registrations/lists/notifications.njk')
  async notifications(@Param('id', uuidPipe('event')) id: string, @Query() query: Record<string, unknown>) {
    const event = await this.events.get(id);
    const page = readPageNumber(query);
    const [rows, total] = await this.ledger.listForEvent(id, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return {
      event: toEventView(event),
      notifications: rows.map((row) => ({
        id: row.id,
        kindLabel: NOTIFICATION_KIND_LABELS[row.kind] ?? row.kind,
        recipient: row.recipientEmail,
        status: row.status,
        attempts: row.attempts,
        sendAt: londonMoment(row.sendAt),
        sentAt: row.sentAt ? londonMoment(row.sentAt) : undefined,
        lastError: row.lastError,
      })),
      total,
      pagination: paginationView(`/staff/events/${id}/notifications`, query, page, total),
    };
  }
}
