import { Body, Controller, Get, HttpStatus, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService, type EventEntity } from '@roundtable/events';
import { Clock } from '@roundtable/platform';
import {
  ATTENDEE_ROLES,
  impliedAttendance,
  MAX_COMPANIONS,
  RegistrationsService,
} from '@roundtable/registrations';
import type { Request, Response } from 'express';
import { AnswerFloor } from '../../../http/answer-floor';
import { PublicRateLimit } from '../../../http/throttling';
import { uuidPipe } from '../../../http/uuid.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { publicEventDetails } from '../../events/event-details';
import { NO_ERRORS, type FormErrorsView } from '../../forms/form-errors';
import { formRefusal } from '../../forms/service-errors';
import {
  accessNeedItemsFor,
  EMPTY_REGISTRATION_FORM,
  parseRegistrationForm,
  readRegistrationForm,
  REGISTRATION_FORM_FIELDS,
  type RegistrationFormValues,
} from '../registration-form';
import { isOpenForRegistration, registrationOpening } from './registration-opening';

/**
 * The public registration form. A place is given while they last, then the waiting list. After
 * posting, everyone goes to the same "check your email" page: whether the address was already
 * registered is personal, and the private link goes only to the address (see
 * RegistrationsService.register). Anonymous posts need the CSRF cookie this controller's pages
 * set, and are rate limited per client.
 */
@ApiExcludeController()
@Controller('events/:id/register')
@PublicRateLimit()
@UseGuards(CsrfGuard)
export class PublicRegistrationPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly clock: Clock,
    private readonly answerFloor: AnswerFloor,
  ) {}

  @Get()
  async form(@Param('id', uuidPipe('event')) id: string, @Res() res: Response): Promise<void> {
    const event = await this.events.getPublic(id);
    if (!this.renderIfClosed(res, 200, event))
      await this.renderForm(res, 200, event, EMPTY_REGISTRATION_FORM, NO_ERRORS);
  }

  @Post()
  async register(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const floorPassed = this.answerFloor.start();
    const event = await this.events.getPublic(id);
    if (this.renderIfClosed(res, 409, event)) return;
    const values = readRegistrationForm(body);
    const cohosts = await this.registrations.cohostsOf(id);
    const parsed = await parseRegistrationForm(
      values,
      cohosts.map((partner) => partner.id),
      impliedAttendance(event),
    );
    if (parsed.input) {
      try {
        await this.registrations.register(id, parsed.input);
        await floorPassed();
        res.redirect(303, `/events/${id}/register/check-your-email`);
        return;
      } catch (error) {
        // Cancelled or started between the page loading and the post: explain, as for a GET.
        if (formRefusal(error)?.status !== HttpStatus.CONFLICT) throw error;
        if (this.renderIfClosed(res, 409, await this.events.getPublic(id))) return;
        throw error;
      }
    }
    await this.renderForm(res, 400, event, values, parsed.errors.toView(REGISTRATION_FORM_FIELDS));
  }

  /** The same page for every address: the email says what happened. */
  @Get('check-your-email')
  async checkYourEmail(@Param('id', uuidPipe('event')) id: string, @Res() res: Response): Promise<void> {
    const event = await this.events.getPublic(id);
    res.render('pages/registrations/public/check-email.njk', {
      ...publicEventDetails(event, this.clock.now()),
      asked: 'register',
    });
  }

  /** A cancelled or started event gets a page that says so kindly, instead of the form. */
  private renderIfClosed(res: Response, status: number, event: EventEntity): boolean {
    const opening = registrationOpening(event, this.clock.now());
    if (isOpenForRegistration(opening)) return false;
    res.status(status).render('pages/registrations/public/closed.njk', {
      ...publicEventDetails(event, this.clock.now()),
      opening,
    });
    return true;
  }

  private async renderForm(
    res: Response,
    status: number,
    event: EventEntity,
    form: RegistrationFormValues,
    errors: FormErrorsView,
  ): Promise<void> {
    const cohosts = await this.registrations.cohostsOf(event.id);
    const offered = impliedAttendance(event);
    res.status(status).render('pages/registrations/public/form.njk', {
      // A hybrid event asks how the person takes part, each way with the needs that fit it; the
      // others offer the needs of their one way. The joining link is never on a public page.
      hybrid: offered === null,
      accessNeedItems: accessNeedItemsFor(offered ?? 'in_person'),
      inPersonNeedItems: accessNeedItemsFor('in_person'),
      onlineNeedItems: accessNeedItemsFor('online'),
      maxCompanions: MAX_COMPANIONS,
      // One unticked box per co-host: a yes must be given, never assumed.
      cohostItems: cohosts.map((partner) => ({
        value: partner.id,
        text: `${partner.name} may contact me about its work with families`,
        checked: form.partnerContactConsent.includes(partner.id),
      })),
      ...publicEventDetails(event, this.clock.now()),
      full: registrationOpening(event, this.clock.now()) === 'full',
      form,
      roles: ATTENDEE_ROLES,
      ...errors,
    });
  }
}
