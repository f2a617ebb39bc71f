import { Body, Controller, Get, Logger, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService, toEventView, type EventEntity } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import { Clock } from '@roundtable/platform';
import {
  ATTENDANCE_VALUES,
  ATTENDEE_ROLES,
  impliedAttendance,
  MAX_COMPANIONS,
  needsThatDoNotFit,
  RegistrationsRepository,
  RegistrationsService,
  StaffRegistrations,
  type Attendance,
} from '@roundtable/registrations';
import type { Response } from 'express';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { uuidPipe } from '../../../http/uuid.pipe';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../../forms/form-errors';
import { explainRefusal } from '../../forms/service-errors';
import {
  accessNeedItemsFor,
  chosenAccessNeedLabel,
  EMPTY_REGISTRATION_FORM,
  parseRegistrationForm,
  readRegistrationForm,
  REGISTRATION_FORM_FIELDS,
  type RegistrationFormValues,
} from '../registration-form';
import { isOpenForRegistration, registrationOpening } from '../public/registration-opening';

/**
 * Registering someone who phoned the office: the public form's fields and checks, filled in by
 * staff (StaffRegistrations.registerOnBehalf), then a page saying what it did. The person gets the
 * same emails as if they had registered themselves.
 */
@ApiExcludeController()
@Controller('staff/events/:id/registrations/new')
@UseGuards(StaffPageGuard, CsrfGuard)
export class OnBehalfPagesController {
  private readonly logger = new Logger(OnBehalfPagesController.name);

  constructor(
    private readonly events: EventsService,
    private readonly registrationsService: RegistrationsService,
    private readonly registrations: RegistrationsRepository,
    private readonly staffRegistrations: StaffRegistrations,
    private readonly clock: Clock,
  ) {}

  @Get()
  async form(@Param('id', uuidPipe('event')) id: string, @Res() res: Response): Promise<void> {
    await this.render(res, 200, await this.events.get(id), EMPTY_REGISTRATION_FORM, NO_ERRORS);
  }

  @Post()
  async register(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.events.get(id);
    const values = readRegistrationForm(body);
    const cohosts = await this.registrationsService.cohostsOf(id);
    const offered = impliedAttendance(event);
    const parsed = await parseRegistrationForm(
      values,
      cohosts.map((partner) => partner.id),
      offered,
    );
    const errors = forStaff(values, offered, parsed.errors.toView(REGISTRATION_FORM_FIELDS));
    let status = 400;
    if (parsed.input && !errors.any) {
      try {
        const { registration } = await this.staffRegistrations.registerOnBehalf(id, parsed.input, user.id);
        this.logger.log(`user ${user.id} registered ${registration.id} on their behalf at event ${id}`);
        res.redirect(303, `/staff/events/${id}/registrations/new/${registration.id}`);
        return;
      } catch (error) {
        status = explainRefusal(error, errors, { fields: { email: 'email' } });
      }
    }
    await this.render(res, status, event, values, errors.toView(REGISTRATION_FORM_FIELDS));
  }

  /** What registering them did: a place or the waiting list, and the email on its way. */
  @Get(':registrationId')
  async done(
    @Param('id', uuidPipe('event')) id: string,
    @Param('registrationId', uuidPipe('registration')) registrationId: string,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.events.get(id);
    const registration = await this.staffRegistrations.get(id, registrationId);
    const waitlistPosition =
      registration.status === 'waitlisted' ? await this.registrations.waitlistPosition(registration) : null;
    res.render('pages/registrations/on-behalf/registered.njk', {
      event: toEventView(event),
      person: { name: registration.name, email: registration.email, status: registration.status },
      waitlistPosition,
    });
  }

  private async render(
    res: Response,
    status: number,
    event: EventEntity,
    form: RegistrationFormValues,
    errors: FormErrorsView,
  ): Promise<void> {
    const opening = registrationOpening(event, this.clock.now());
    const cohosts = await this.registrationsService.cohostsOf(event.id);
    const offered = impliedAttendance(event);
    res.status(status).render('pages/registrations/on-behalf/form.njk', {
      // As the public form: a hybrid event asks how they take part, each way with the needs that
      // fit it; the others offer the needs of their one way.
      hybrid: offered === null,
      accessNeedItems: accessNeedItemsFor(offered ?? 'in_person'),
      inPersonNeedItems: accessNeedItemsFor('in_person'),
      onlineNeedItems: accessNeedItemsFor('online'),
      maxCompanions: MAX_COMPANIONS,
      event: toEventView(event),
      open: event.status === 'published' && isOpenForRegistration(opening),
      opening,
      full: opening === 'full',
      cohostItems: cohosts.map((partner) => ({
        value: partner.id,
        text: `${partner.name} may contact them about its work with families`,
        checked: form.partnerContactConsent.includes(partner.id),
      })),
      form,
      roles: ATTENDEE_ROLES,
      ...errors,
    });
  }
}

/**
 * The public form's messages speak to the person registering ("Enter your name"); staff fill
 * this one in for someone else, so what is missing is said of them. Everything else is the
 * public form's own check and message.
 */
function forStaff(
  values: RegistrationFormValues,
  offered: Attendance | null,
  parsed: FormErrorsView,
): FormErrors {
  const errors = new FormErrors();
  if (values.name.trim() === '') errors.add('name', 'Enter their name');
  if (values.email.trim() === '') errors.add('email', 'Enter their email address');
  if (values.role === '') errors.add('role', 'Select which of these describes them best');
  const attendance = offered ?? values.attendance;
  const misfits = (ATTENDANCE_VALUES as readonly string[]).includes(attendance)
    ? needsThatDoNotFit(values.accessNeeds, attendance as Attendance)
    : [];
  for (const item of parsed.errorList) {
    const field = item.href?.slice(1);
    if (field === 'attendance') errors.add(field, 'Select whether they will come in person or join online');
    else if (field === 'companions')
      errors.add(
        field,
        `Enter how many people are coming with them, as a number from 0 to ${MAX_COMPANIONS}`,
      );
    else if (field?.startsWith('accessNeeds') && misfits.length > 0)
      errors.add(
        field,
        `Select only what they need to take part ${attendance === 'online' ? 'online' : 'in person'}: remove ${misfits.map(chosenAccessNeedLabel).join(', ')}`,
      );
    errors.add(field, item.text);
  }
  return errors;
}
