import { Body, Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService } from '@roundtable/events';
import { Clock } from '@roundtable/platform';
import { ManageLinkRequests } from '@roundtable/registrations';
import type { Request, Response } from 'express';
import { AnswerFloor } from '../../../http/answer-floor';
import { PublicRateLimit } from '../../../http/throttling';
import { uuidPipe } from '../../../http/uuid.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { publicEventDetails } from '../../events/event-details';
import { NO_ERRORS, type FormErrorsView } from '../../forms/form-errors';
import { MANAGE_LINK_FORM_FIELDS, parseManageLinkForm } from './manage-link-form';

/**
 * "Lost your link? Get it sent again", from the public event page (for that event) and from the
 * page a broken manage link shows (for every event still to come). The page after says the same
 * whether or not the address has a registration: that is personal, and only the email tells.
 * Limited per address and event by ManageLinkRequests, and per client by the public rate limit.
 */
@ApiExcludeController()
@Controller()
@PublicRateLimit()
@UseGuards(CsrfGuard)
export class ManageLinkPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly linkRequests: ManageLinkRequests,
    private readonly clock: Clock,
    private readonly answerFloor: AnswerFloor,
  ) {}

  @Get('events/:id/manage-link')
  async eventForm(@Param('id', uuidPipe('event')) id: string, @Res() res: Response): Promise<void> {
    await this.renderForm(res, 200, id, '', NO_ERRORS);
  }

  @Post('events/:id/manage-link')
  async eventRequest(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const floorPassed = this.answerFloor.start();
    const { email, errors, input } = await parseManageLinkForm(body);
    if (!input) return this.renderForm(res, 400, id, email, errors.toView(MANAGE_LINK_FORM_FIELDS));
    await this.events.getPublic(id);
    await this.linkRequests.requestForEvent(id, input.email);
    await floorPassed();
    res.redirect(303, `/events/${id}/manage-link/sent`);
  }

  @Get('events/:id/manage-link/sent')
  async eventSent(@Param('id', uuidPipe('event')) id: string, @Res() res: Response): Promise<void> {
    const event = await this.events.getPublic(id);
    res.render('pages/registrations/public/check-email.njk', {
      ...publicEventDetails(event, this.clock.now()),
      asked: 'link',
    });
  }

  @Get('manage-link')
  anyForm(@Res() res: Response): void {
    res.render('pages/registrations/manage-link/manage-link.njk', { form: { email: '' }, ...NO_ERRORS });
  }

  @Post('manage-link')
  async anyRequest(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const floorPassed = this.answerFloor.start();
    const { email, errors, input } = await parseManageLinkForm(body);
    if (!input) {
      res.status(400).render('pages/registrations/manage-link/manage-link.njk', {
        form: { email },
        ...errors.toView(MANAGE_LINK_FORM_FIELDS),
      });
      return;
    }
    await this.linkRequests.requestForAddress(input.email);
    await floorPassed();
    res.redirect(303, '/manage-link/sent');
  }

  @Get('manage-link/sent')
  anySent(@Res() res: Response): void {
    res.render('pages/registrations/public/check-email.njk', { asked: 'links' });
  }

  private async renderForm(
    res: Response,
    status: number,
    eventId: string,
    email: string,
    errors: FormErrorsView,
  ): Promise<void> {
    const event = await this.events.getPublic(eventId);
    res.status(status).render('pages/registrations/manage-link/manage-link.njk', {
      ...publicEventDetails(event, this.clock.now()),
      form: { email },
      ...errors,
    });
  }
}
