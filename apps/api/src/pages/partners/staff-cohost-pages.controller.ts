import { Body, Controller, Get, Logger, Param, Post, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import {
  CohostRequestsService,
  CohostsReader,
  CohostsService,
  DECLINE_REASON_MAX,
} from '@roundtable/partners';
import { checkText, Clock } from '@roundtable/platform';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { uuidPipe } from '../../http/uuid.pipe';
import { eventDetails } from '../events/event-details';
import { FormErrors, NO_ERRORS } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { explainRefusal, sentence } from '../forms/service-errors';
import { cohostSection, UUID } from './cohost-section';

const REQUEST_DONE: Record<string, string> = {
  accepted:
    'Request accepted. The partner is now a co-host and has been told; everyone registered will get an update.',
  declined: 'Request declined. The partner has been told.',
};

/**
 * Staff pages for co-hosting: the "Co-hosts" section's forms on the event page (add from the
 * approved partners, remove), and the queue of partners' requests to accept or decline.
 */
@ApiExcludeController()
@Controller('staff')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffCohostPagesController {
  private readonly logger = new Logger(StaffCohostPagesController.name);

  constructor(
    private readonly events: EventsService,
    private readonly cohosts: CohostsService,
    private readonly reader: CohostsReader,
    private readonly requests: CohostRequestsService,
    private readonly clock: Clock,
  ) {}

  @Post('events/:id/cohosts')
  async add(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const partnerId = textField(body, 'partnerId');
    const errors = new FormErrors();
    if (!UUID.test(partnerId)) errors.add('partnerId', 'Select a partner organisation');
    else {
      try {
        await this.cohosts.add(id, partnerId, user.id);
        this.logger.log(`user ${user.id} added partner ${partnerId} as a co-host of event ${id}`);
        return res.redirect(303, `/staff/events/${id}?done=cohost-added`);
      } catch (error) {
        const status = explainRefusal(error, errors, { fields: { partnerId: 'partnerId' } });
        return this.renderEvent(res, status, id, errors);
      }
    }
    return this.renderEvent(res, 400, id, errors);
  }

  @Post('events/:id/cohosts/:partnerId/remove')
  async remove(
    @Param('id', uuidPipe('event')) id: string,
    @Param('partnerId', uuidPipe('co-host')) partnerId: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.cohosts.remove(id, partnerId, user.id);
    } catch (error) {
      const errors = new FormErrors();
      return this.renderEvent(res, explainRefusal(error, errors), id, errors);
    }
    this.logger.log(`user ${user.id} removed partner ${partnerId} as a co-host of event ${id}`);
    res.redirect(303, `/staff/events/${id}?done=cohost-removed`);
  }

  @Get('cohost-requests')
  @Render('pages/partners/staff-requests.njk')
  async list(@Query('done') done: unknown) {
    return {
      ...(await this.requestsView()),
      done: typeof done === 'string' ? REQUEST_DONE[done] : undefined,
      ...NO_ERRORS,
    };
  }

  @Post('cohost-requests/:id/accept')
  async accept(
    @Param('id', uuidPipe('co-host request')) id: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.requests.accept(id, user.id);
    } catch (error) {
      return this.renderRequests(res, error);
    }
    res.redirect(303, '/staff/cohost-requests?done=accepted');
  }

  @Post('cohost-requests/:id/decline')
  async decline(
    @Param('id', uuidPipe('co-host request')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    // The same rules as the API's reason: no NUL, controls or invisible formatting, at most 1,000.
    const checked = checkText(textField(body, 'reason'), {
      field: 'the reason',
      max: DECLINE_REASON_MAX,
      multiLine: true,
      optional: true,
    });
    if (!checked.ok) {
      const errors = new FormErrors().add(`reason-${id}`, sentence(checked.message));
      return res.status(400).render('pages/partners/staff-requests.njk', {
        ...(await this.requestsView()),
        ...errors.toView([`reason-${id}`]),
      });
    }
    try {
      await this.requests.decline(id, checked.value === '' ? undefined : checked.value, user.id);
    } catch (error) {
      return this.renderRequests(res, error, id);
    }
    res.redirect(303, '/staff/cohost-requests?done=declined');
  }

  private async requestsView() {
    const page = await this.requests.list({ status: 'pending', limit: 200, offset: 0 });
    return {
      requests: page.items,
      total: page.total,
    };
  }

  private async renderRequests(res: Response, error: unknown, id?: string): Promise<void> {
    const errors = new FormErrors();
    const status = explainRefusal(error, errors, id ? { fields: { reason: `reason-${id}` } } : {});
    res.status(status).render('pages/partners/staff-requests.njk', {
      ...(await this.requestsView()),
      ...errors.toView([]),
    });
  }

  private async renderEvent(res: Response, status: number, id: string, errors: FormErrors): Promise<void> {
    const event = await this.events.get(id);
    res.status(status).render('pages/events/staff/show.njk', {
      ...eventDetails(event, this.clock.now()),
      ...(await cohostSection(this.reader, id)),
      ...errors.toView(['partnerId']),
    });
  }
}
