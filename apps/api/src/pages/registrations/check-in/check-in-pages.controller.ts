import { Body, Controller, Get, Logger, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService, toEventView } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import { Clock, formatLondonDate, formatLondonTime } from '@roundtable/platform';
import {
  attendanceOpensAt,
  AttendanceService,
  RegistrationsRepository,
  type Registration,
} from '@roundtable/registrations';
import type { Response } from 'express';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { uuidPipe } from '../../../http/uuid.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../../forms/form-errors';
import { listField } from '../../forms/form-fields';
import { explainRefusal } from '../../forms/service-errors';

/** The most people a check-in page lists; a constituency event is far smaller. */
const MOST_PEOPLE = 1000;

const CHECK_IN_FIELDS = ['registrationIds'];

/**
 * Checking people in at the door: everyone with a place, a checkbox each, and a way to undo a
 * check-in made by mistake. The rules (the day of the event, people with a place, all or none)
 * are AttendanceService's; this page turns its refusals into GOV.UK error messages.
 */
@ApiExcludeController()
@Controller('staff/events/:id/check-in')
@UseGuards(StaffPageGuard, CsrfGuard)
export class CheckInPagesController {
  private readonly logger = new Logger(CheckInPagesController.name);

  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsRepository,
    private readonly attendance: AttendanceService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(
    @Param('id', uuidPipe('event')) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, id, 200, NO_ERRORS, doneMessage(query));
  }

  @Post()
  async mark(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const ids = listField(body, 'registrationIds');
    const errors = new FormErrors();
    if (ids.length === 0) errors.add('registrationIds', 'Select the people who have arrived');
    let status = 400;
    if (!errors.any) {
      try {
        const counts = await this.attendance.mark(id, ids);
        this.logger.log(`user ${user.id} marked ${counts.marked} attended at event ${id}`);
        res.redirect(303, `/staff/events/${id}/check-in?done=marked&count=${counts.marked}`);
        return;
      } catch (error) {
        status = explainRefusal(error, errors);
      }
    }
    await this.render(res, id, status, errors.toView(CHECK_IN_FIELDS));
  }

  @Post(':registrationId/undo')
  async undo(
    @Param('id', uuidPipe('event')) id: string,
    @Param('registrationId', uuidPipe('registration')) registrationId: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.attendance.undo(id, registrationId);
      this.logger.log(`user ${user.id} undid the check-in of registration ${registrationId}`);
      res.redirect(303, `/staff/events/${id}/check-in?done=undone`);
    } catch (error) {
      const errors = new FormErrors();
      const status = explainRefusal(error, errors);
      await this.render(res, id, status, errors.toView([]));
    }
  }

  private async render(
    res: Response,
    id: string,
    status: number,
    errors: FormErrorsView,
    done?: string,
  ): Promise<void> {
    const event = await this.events.get(id);
    const page = { limit: MOST_PEOPLE, offset: 0 };
    const [[waiting], [arrived]] = await Promise.all([
      this.registrations.listForEvent(id, { ...page, status: 'confirmed' }),
      this.registrations.listForEvent(id, { ...page, status: 'attended' }),
    ]);
    const opensAt = attendanceOpensAt(event.startsAt);
    res.status(status).render('pages/registrations/check-in/check-in.njk', {
      event: toEventView(event),
      open: event.status === 'published' && this.clock.now() >= opensAt,
      opensOn: formatLondonDate(opensAt),
      notYet: waiting.map(person),
      checkboxItems: waiting.map((registration) => ({ value: registration.id, text: registration.name })),
      arrived: arrived.map((registration) => ({
        ...person(registration),
        at: registration.attendedAt ? formatLondonTime(registration.attendedAt) : '',
      })),
      total: waiting.length + arrived.length,
      done,
      ...errors,
    });
  }
}

function person(registration: Registration) {
  return { id: registration.id, name: registration.name };
}

function doneMessage(query: Record<string, unknown>): string | undefined {
  if (query.done === 'undone') return 'Check-in undone. They are back on the list of people to check in.';
  if (query.done !== 'marked') return undefined;
  const count = Number(query.count);
  if (!Number.isInteger(count) || count < 0) return 'Attendance saved.';
  if (count === 0) return 'They were already checked in: nothing has changed.';
  return `${count === 1 ? '1 person' : `${count} people`} checked in.`;
}
