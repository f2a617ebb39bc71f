import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Clock } from '@roundtable/platform';
import { RegistrationsRepository, RegistrationsService } from '@roundtable/registrations';
import type { Request, Response } from 'express';
import { PublicRateLimit } from '../../../http/throttling';
import { ManageTokenPipe } from '../../../registrations/manage-token.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { NO_ERRORS, type FormErrorsView } from '../../forms/form-errors';
import { textField } from '../../forms/form-fields';
import { formRefusal, sentence } from '../../forms/service-errors';
import { ManageNotFoundFilter } from './manage-not-found.filter';
import { manageView, type ManageView } from './manage-view';
import {
  accessNeedItemsFor,
  ACCESS_NEEDS_FORM_FIELDS,
  COMPANIONS_FORM_FIELDS,
  parseAccessNeedsForm,
  parseCompanionsForm,
  readAccessNeedsForm,
  type AccessNeedsFormValues,
} from '../registration-form';

/** What the manage page says after something was done (from ?done=…); the status says the rest. */
const DONE = new Set(['accepted', 'declined', 'access-needs', 'companions', 'consent-withdrawn']);

/** What happened to a place given up (from ?outcome=…), worked out just before the cancel. */
const CANCEL_OUTCOMES = new Set(['passed-on', 'freed', 'left-waitlist']);

/**
 * The private manage pages, reached through the link in people's emails (no account): see the
 * registration, answer an invitation, change access needs, cancel. Reading never changes
 * anything (mail scanners open links): every change is a form post with a CSRF token, behind a
 * page with a single button.
 */
@ApiExcludeController()
@Controller('manage/:token')
@PublicRateLimit()
@UseGuards(CsrfGuard)
@UseFilters(ManageNotFoundFilter)
export class ManagePagesController {
  private readonly logger = new Logger(ManagePagesController.name);

  constructor(
    private readonly registrations: RegistrationsService,
    private readonly repository: RegistrationsRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(
    @Param('token', ManageTokenPipe) token: string,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    res.render('pages/registrations/manage/show.njk', {
      ...view,
      done: typeof done === 'string' && DONE.has(done) ? done : undefined,
    });
  }

  /** Straight after the public form: the place or waiting list spot, and what happens next. */
  @Get('registered')
  async registered(@Param('token', ManageTokenPipe) token: string, @Res() res: Response): Promise<void> {
    const view = await this.view(token);
    if (!['confirmed', 'waitlisted'].includes(view.registration.status)) {
      res.redirect(303, view.basePath);
      return;
    }
    res.render('pages/registrations/manage/registered.njk', view);
  }

  @Get('access-needs')
  async accessNeedsForm(@Param('token', ManageTokenPipe) token: string, @Res() res: Response): Promise<void> {
    const view = await this.view(token);
    if (!view.canChangeAccessNeeds) {
      res.redirect(303, view.basePath);
      return;
    }
    const form = {
      accessNeeds: view.registration.accessNeeds,
      accessNotes: view.registration.accessNotes ?? '',
    };
    this.renderAccessNeeds(res, 200, view, form, NO_ERRORS);
  }

  @Post('access-needs')
  async changeAccessNeeds(
    @Param('token', ManageTokenPipe) token: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    if (!view.canChangeAccessNeeds) {
      res.redirect(303, view.basePath);
      return;
    }
    const values = readAccessNeedsForm(body);
    const parsed = await parseAccessNeedsForm(values, view.registration.attendance);
    if (!parsed.input) {
      this.renderAccessNeeds(res, 400, view, values, parsed.errors.toView(ACCESS_NEEDS_FORM_FIELDS));
      return;
    }
    const registration = await this.registrations.updateByToken(token, parsed.input);
    this.logger.log(`registration ${registration.id} changed its access needs`);
    res.redirect(303, `${view.basePath}?done=access-needs`);
  }

  /** "How many are coming": offered while access needs may be changed (before the event). */
  @Get('companions')
  async companionsForm(@Param('token', ManageTokenPipe) token: string, @Res() res: Response): Promise<void> {
    const view = await this.view(token);
    if (!view.canChangeAccessNeeds) {
      res.redirect(303, view.basePath);
      return;
    }
    this.renderCompanions(res, 200, view, String(view.registration.companions), NO_ERRORS);
  }

  /**
   * A new number of companions. More people need that many places free (checked and taken in one
   * statement by the service); when they are not, the form says how many are left.
   */
  @Post('companions')
  async changeCompanions(
    @Param('token', ManageTokenPipe) token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    if (!view.canChangeAccessNeeds) {
      res.redirect(303, view.basePath);
      return;
    }
    const raw = textField(body, 'companions');
    const parsed = await parseCompanionsForm(raw);
    if (!parsed.input) {
      this.renderCompanions(res, 400, view, raw, parsed.errors.toView(COMPANIONS_FORM_FIELDS));
      return;
    }
    try {
      const registration = await this.registrations.updateByToken(token, parsed.input);
      this.logger.log(`registration ${registration.id} changed how many are coming`);
      res.redirect(303, `${view.basePath}?done=companions`);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal || refusal.status !== HttpStatus.CONFLICT) throw error;
      const errors = {
        errorList: [{ text: sentence(refusal.message), href: '#companions' }],
        errors: { companions: { text: sentence(refusal.message) } },
        dateParts: {},
      };
      this.renderCompanions(res, 409, view, raw, errors);
    }
  }

  /**
   * Withdraws the person's consent to one co-hosting partner contacting them: from now on the
   * partner no longer sees them. A partner not (or no longer) consented to changes nothing.
   */
  @Post('partner-consent/withdraw')
  async withdrawConsent(
    @Param('token', ManageTokenPipe) token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    const partnerId = textField(body, 'partnerId');
    const given = view.partnerContactConsent.map((partner) => partner.id);
    if (!given.includes(partnerId)) {
      res.redirect(303, view.basePath);
      return;
    }
    const registration = await this.registrations.updateByToken(token, {
      partnerContactConsent: given.filter((id) => id !== partnerId),
    });
    this.logger.log(`registration ${registration.id} withdrew its consent to partner ${partnerId}`);
    res.redirect(303, `${view.basePath}?done=consent-withdrawn`);
  }

  @Get('accept')
  async acceptPage(@Param('token', ManageTokenPipe) token: string, @Res() res: Response): Promise<void> {
    res.render('pages/registrations/manage/answer.njk', { ...(await this.view(token)), answer: 'accept' });
  }

  @Post('accept')
  async accept(
    @Param('token', ManageTokenPipe) token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(token, 'accept', req, res);
  }

  @Get('decline')
  async declinePage(@Param('token', ManageTokenPipe) token: string, @Res() res: Response): Promise<void> {
    res.render('pages/registrations/manage/answer.njk', { ...(await this.view(token)), answer: 'decline' });
  }

  @Post('decline')
  async decline(
    @Param('token', ManageTokenPipe) token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(token, 'decline', req, res);
  }

  /** "Are you sure?": a carer may have pressed the wrong thing. */
  @Get('cancel')
  async cancelPage(@Param('token', ManageTokenPipe) token: string, @Res() res: Response): Promise<void> {
    const view = await this.view(token);
    if (!view.canCancel) {
      res.redirect(303, view.basePath);
      return;
    }
    res.render('pages/registrations/manage/cancel.njk', view);
  }

  @Post('cancel')
  async cancel(
    @Param('token', ManageTokenPipe) token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    if (!view.canCancel) {
      // Already cancelled (a second press, another tab) or no longer possible: show how things are.
      res.redirect(303, view.basePath);
      return;
    }
    // What will happen to the place, for the page that follows; the service does it atomically.
    const heldPlace = view.registration.status === 'confirmed';
    const waiting = heldPlace ? ((await this.repository.countsForEvent(view.event.id)).waitlisted ?? 0) : 0;
    const outcome = !heldPlace ? 'left-waitlist' : waiting > 0 ? 'passed-on' : 'freed';
    const registration = await this.registrations.cancelByToken(token);
    this.logger.log(`registration ${registration.id} cancelled through the manage page`);
    res.redirect(303, `${view.basePath}/cancelled?outcome=${outcome}`);
  }

  @Get('cancelled')
  async cancelled(
    @Param('token', ManageTokenPipe) token: string,
    @Query('outcome') outcome: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    if (view.registration.status !== 'cancelled') {
      res.redirect(303, view.basePath);
      return;
    }
    res.render('pages/registrations/manage/cancelled.njk', {
      ...view,
      outcome: typeof outcome === 'string' && CANCEL_OUTCOMES.has(outcome) ? outcome : undefined,
    });
  }

  private async answer(
    token: string,
    answer: 'accept' | 'decline',
    req: Request,
    res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    if (!(answer === 'accept' ? view.canAccept : view.canDecline)) {
      res.redirect(303, view.basePath);
      return;
    }
    try {
      const registration = await this.registrations.updateByToken(token, { response: answer });
      this.logger.log(`registration ${registration.id} answered ${answer} through the manage page`);
      res.redirect(303, `${view.basePath}?done=${answer === 'accept' ? 'accepted' : 'declined'}`);
    } catch (error) {
      // The event was cancelled or started between the page loading and the press.
      const refusal = formRefusal(error);
      if (!refusal || refusal.status !== HttpStatus.CONFLICT) throw error;
      res.status(409).render('pages/registrations/manage/answer.njk', {
        ...(await this.view(token)),
        answer,
        refusal: sentence(refusal.message),
      });
    }
  }

  private async view(token: string): Promise<ManageView> {
    return manageView(await this.registrations.getByToken(token), token, this.clock.now());
  }

  private renderAccessNeeds(
    res: Response,
    status: number,
    view: ManageView,
    form: AccessNeedsFormValues,
    errors: FormErrorsView,
  ): void {
    res.status(status).render('pages/registrations/manage/access-needs.njk', {
      ...view,
      form,
      accessNeedItems: accessNeedItemsFor(view.registration.attendance),
      ...errors,
    });
  }

  private renderCompanions(
    res: Response,
    status: number,
    view: ManageView,
    companions: string,
    errors: FormErrorsView,
  ): void {
    res.status(status).render('pages/registrations/manage/companions.njk', {
      ...view,
      form: { companions },
      ...errors,
    });
  }
}
