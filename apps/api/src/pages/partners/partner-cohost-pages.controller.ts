import { Body, Controller, Get, Post, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import { COHOST_MESSAGE_MAX, CohostRequestsService, CohostsReader } from '@roundtable/partners';
import { checkText, Clock, DomainError, formatLondonRange } from '@roundtable/platform';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { PartnerPageGuard } from '../../auth/pages/partner-page.guard';
import { FormErrors, NO_ERRORS } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { UUID } from './cohost-section';
import { explainRefusal, sentence } from '../forms/service-errors';

const STATUS_LABELS: Record<string, string> = {
  pending: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
};

/**
 * A partner organisation's co-hosting pages: the published events it could co-host, the form to
 * ask, the confirmation, and its requests with their answers. Partner users only.
 */
@ApiExcludeController()
@Controller('partner')
@UseGuards(PartnerPageGuard, CsrfGuard)
export class PartnerCohostPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly reader: CohostsReader,
    private readonly requests: CohostRequestsService,
    private readonly clock: Clock,
  ) {}

  @Get('events/available')
  @Render('pages/partners/available-events.njk')
  async available(@CurrentUser() user: User) {
    const events = await this.reader.openToPartner(user.partnerId!, this.clock.now());
    return {
      events: events.map((event) => ({ ...event, when: formatLondonRange(event.startsAt, event.endsAt) })),
    };
  }

  @Get('cohost-requests/new')
  async newRequest(@Query('eventId') eventId: unknown, @Res() res: Response): Promise<void> {
    const id = typeof eventId === 'string' && UUID.test(eventId) ? eventId : '';
    await this.renderForm(res, 200, id, '', new FormErrors());
  }

  @Post('cohost-requests/new')
  async ask(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const eventId = textField(body, 'eventId');
    const message = textField(body, 'message');
    const errors = new FormErrors();
    if (!UUID.test(eventId))
      errors.add(undefined, 'Choose an event from the list of events you could co-host');
    const checked = checkText(message, { field: 'your message', max: COHOST_MESSAGE_MAX, multiLine: true });
    if (!checked.ok)
      errors.add(
        'message',
        checked.problem === 'empty' ? 'Tell us why you would like to co-host' : sentence(checked.message),
      );
    if (errors.any || !checked.ok) return this.renderForm(res, 400, eventId, message, errors);
    try {
      await this.requests.ask(user, { eventId, message: checked.value });
    } catch (error) {
      // An unknown event is said on the form, like a cancelled one, not as a missing page.
      const status =
        error instanceof DomainError && error.kind === 'not-found'
          ? (errors.add(undefined, 'That event is not open to co-host: choose another from the list'), 400)
          : explainRefusal(error, errors, { fields: { message: 'message' } });
      return this.renderForm(res, status, eventId, message, errors);
    }
    res.redirect(303, '/partner/cohost-requests/sent');
  }

  @Get('cohost-requests/sent')
  @Render('pages/partners/request-sent.njk')
  sent() {
    return {};
  }

  @Get('cohost-requests')
  @Render('pages/partners/own-requests.njk')
  async list(@CurrentUser() user: User) {
    const page = await this.requests.listOwn(user, { limit: 200, offset: 0 });
    return {
      requests: page.items.map((item) => ({
        ...item,
        statusLabel: STATUS_LABELS[item.status] ?? item.status,
      })),
    };
  }

  private async renderForm(
    res: Response,
    status: number,
    eventId: string,
    message: string,
    errors: FormErrors,
  ): Promise<void> {
    const event = UUID.test(eventId) ? await this.events.getPublic(eventId).catch(() => null) : null;
    const open = event && event.status === 'published' && event.startsAt > this.clock.now() ? event : null;
    res.status(open || status !== 200 ? status : 404).render('pages/partners/request-form.njk', {
      event: open
        ? { id: open.id, title: open.title, when: formatLondonRange(open.startsAt, open.endsAt) }
        : null,
      values: { message },
      ...(errors.any ? errors.toView(['message']) : NO_ERRORS),
    });
  }
}
