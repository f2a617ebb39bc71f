import { Body, Controller, Get, Logger, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService, toEventView } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import { Clock, formatLondonDate, formatLondonTime } from '@roundtable/platform';
import {
  ATTENDEE_ROLES,
  attendanceOpensAt,
  AttendanceService,
  RegistrationsRepository,
  StaffRegistrations,
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
import { ACCESS_NEED_ITEMS } from '../registration-form';
import {
  EMPTY_WALK_IN_FORM,
  parseWalkInForm,
  readWalkInForm,
  WALK_IN_FORM_FIELDS,
  type WalkInFormValues,
} from './walk-in-form';

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
    private readonly staffRegistrations: StaffRegistrations,
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

  /**
   * Someone who came without registering: recorded and checked in at once (see
   * StaffRegistrations.recordWalkIn for why a full event still lets them in, and why nothing is
   * emailed). The redirect says whether they were beyond capacity, never who they are.
   */
  @Post('walk-in')
  async walkIn(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const values = readWalkInForm(body);
    const { errors, input } = await parseWalkInForm(values);
    let status = 400;
    if (input) {
      try {
        const { registration, overCapacity } = await this.staffRegistrations.recordWalkIn(id, input, user.id);
        this.logger.log(`user ${user.id} recorded walk-in ${registration.id} at event ${id}`);
        res.redirect(
          303,
          `/staff/events/${id}/check-in?done=walk-in${overCapacity ? '&beyond=capacity' : ''}`,
        );
        return;
      } catch (error) {
        status = explainRefusal(error, errors, { fields: { email: 'email' } });
      }
    }
    await this.render(res, id, status, errors.toView(WALK_IN_FORM_FIELDS), undefined, values);
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
      const walkIn = (await this.staffRegistrations.get(id, registrationId)).registeredVia === 'walk_in';
      res.redirect(303, `/staff/events/${id}/check-in?done=${walkIn ? 'removed' : 'undone'}`);
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
    walkIn: WalkInFormValues = EMPTY_WALK_IN_FORM,
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
      form: walkIn,
      roles: ATTENDEE_ROLES,
      accessNeedItems: ACCESS_NEED_ITEMS,
      ...errors,
    });
  }
}

function person(registration: Registration) {
  return { id: registration.id, name: registration.name, walkIn: registration.registeredVia === 'walk_in' };
}

function doneMessage(query: Record<string, unknown>): string | undefined {
  if (query.done === 'undone') return 'Check-in undone. They are back on the list of people to check in.';
  if (query.done === 'removed') return 'Walk-in removed. If it held a place, the place is free again.';
  if (query.done === 'walk-in')
    return query.beyond === 'capacity'
      ? 'Walk-in recorded and checked in. Every place was already taken, so there are now more people than the event has places for: make sure the room has space for them.'
      : 'Walk-in recorded and checked in.';
  if (query.done !== 'marked') return undefined;
  const count = Number(query.count);
  if (!Number.isInteger(count) || count < 0) return 'Attendance saved.';
  if (count === 0) return 'They were already checked in: nothing has changed.';
  return `${count === 1 ? '1 person' : `${count} people`} checked in.`;
}
