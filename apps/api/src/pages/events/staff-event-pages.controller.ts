import {
  Body,
  ConflictException,
  Controller,
  Get,
  Logger,
  Param,
  Post,
  Query,
  Redirect,
  Render,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  AREAS,
  areaLabel,
  EVENT_KINDS,
  EVENT_STATUSES,
  EventsService,
  toEventView,
  VenuesService,
  type EventEntity,
} from '@roundtable/events';
import type { User } from '@roundtable/identity';
import { checkText, Clock, toLondon } from '@roundtable/platform';
import { AccessTasksRepository, EventAnnouncementsService } from '@roundtable/registrations';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { uuidPipe } from '../../http/uuid.pipe';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { FormErrors, NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { explainRefusal, sentence } from '../forms/service-errors';
import { EVENT_FILTER_FIELDS, readEventFilters } from './event-filters';
import {
  EVENT_FORM_WORDING,
  currentTimes,
  EVENT_FORM_FIELDS,
  eventFormValues,
  eventPatch,
  ONLINE_ONLY,
  parseEventForm,
  readEventForm,
  spansDays,
  type EventFormValues,
} from './event-form';
import { RegistrationSummary } from '../registrations/lists/registration-summary';
import { eventDetails } from './event-details';
import { CohostsReader } from '@roundtable/partners';
import { cohostSection } from '../partners/cohost-section';

const CANCEL_FIELDS = ['reason'];

/** What the event page says after something was done to the event (from ?done=…). */
const DONE_MESSAGES: Record<string, string> = {
  created: 'Event created as a draft. Only staff can see it until you publish it.',
  updated: 'Your changes have been saved.',
  rescheduled:
    'Event rescheduled. Because it was already published, this counts as a reschedule: everyone registered will be told the new time or place.',
  published: 'Event published. It is now on the public list of upcoming events.',
  cancelled: 'Event cancelled. Everyone registered will be told, with the reason you gave.',
  'cohost-added':
    'Co-host added. If the event is published, everyone registered will get an update naming it.',
  'cohost-removed': 'Co-host removed. If the event is published, everyone registered will get an update.',
};

interface VenueChoice {
  value: string;
  text: string;
  /** How many it holds: the form checks the event's capacity against it in the same pass. */
  capacity: number;
}

/**
 * Staff pages for events: the filtered list, drafting, editing, publishing and cancelling. All
 * the rules live in EventsService; these pages turn forms into its input and its refusals back
 * into GOV.UK error messages.
 */
@ApiExcludeController()
@Controller('staff')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffEventPagesController {
  private readonly logger = new Logger(StaffEventPagesController.name);

  constructor(
    private readonly events: EventsService,
    private readonly venues: VenuesService,
    private readonly announcements: EventAnnouncementsService,
    private readonly clock: Clock,
    private readonly registrationSummary: RegistrationSummary,
    private readonly accessTasks: AccessTasksRepository,
    private readonly cohosts: CohostsReader,
  ) {}

  @Get()
  @Redirect('/staff/events', 302)
  home(): void {}

  @Get('events')
  @Render('pages/events/staff/list.njk')
  async list(@Query() query: Record<string, unknown>) {
    const today = toLondon(this.clock.now()).toISODate()!;
    const filters = readEventFilters(query, today);
    const page = readPageNumber(query);
    const result = filters.search
      ? await this.events.list({ ...filters.search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
      : { items: [], total: 0 };
    const glances = await this.registrationSummary.forEvents(result.items.map((event) => event.id));
    return {
      filters: filters.values,
      filtersApplied: filters.search !== undefined,
      events: result.items.map((event) => ({ ...toEventView(event), glance: glances.get(event.id) })),
      total: result.total,
      pagination: paginationView('/staff/events', query, page, result.total),
      areas: AREAS,
      kinds: EVENT_KINDS,
      statuses: EVENT_STATUSES.map((status) => ({
        value: status,
        label: status.charAt(0).toUpperCase() + status.slice(1),
      })),
      ...filters.errors.toView(EVENT_FILTER_FIELDS),
    };
  }

  @Get('events/new')
  async newEvent(@Res() res: Response): Promise<void> {
    const empty: EventFormValues = {
      title: '',
      kind: '',
      description: '',
      date: { day: '', month: '', year: '' },
      startTime: '',
      endTime: '',
      venueId: '',
      onlineUrl: '',
      capacity: '',
    };
    await this.renderForm(res, 200, { values: empty, errors: NO_ERRORS });
  }

  @Post('events/new')
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const values = readEventForm(body);
    const venues = await this.venueChoices();
    const parsed = await parseEventForm(values, { now: this.clock.now(), venues: venueCapacities(venues) });
    let status = 400;
    if (parsed.input) {
      try {
        const event = await this.events.create(parsed.input, user.id);
        this.logger.log(`user ${user.id} drafted event ${event.id}`);
        res.redirect(303, `/staff/events/${event.id}?done=created`);
        return;
      } catch (error) {
        status = this.explainRefusal(error, parsed.errors);
      }
    }
    await this.renderForm(res, status, { values, errors: parsed.errors.toView(EVENT_FORM_FIELDS), venues });
  }

  @Get('events/:id')
  @Render('pages/events/staff/show.njk')
  async show(@Param('id', uuidPipe('event')) id: string, @Query('done') done: unknown) {
    const event = await this.events.get(id);
    return {
      ...eventDetails(event, this.clock.now()),
      ...(await this.registrationSummary.forEvent(id)),
      lateAccessNeeds: await this.accessTasks.countLate(id, this.clock.now()),
      ...(await cohostSection(this.cohosts, id)),
      done: typeof done === 'string' ? DONE_MESSAGES[done] : undefined,
      ...NO_ERRORS,
    };
  }

  @Post('events/:id/publish')
  async publish(
    @Param('id', uuidPipe('event')) id: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.events.publish(id);
      this.logger.log(`user ${user.id} published event ${id}`);
      res.redirect(303, `/staff/events/${id}?done=published`);
    } catch (error) {
      const errors = new FormErrors();
      const status = this.explainRefusal(error, errors);
      const event = await this.events.get(id);
      res.status(status).render('pages/events/staff/show.njk', {
        ...eventDetails(event, this.clock.now()),
        ...errors.toView([]),
      });
    }
  }

  @Get('events/:id/edit')
  async edit(@Param('id', uuidPipe('event')) id: string, @Res() res: Response): Promise<void> {
    const event = await this.changeableEvent(id);
    await this.renderForm(res, 200, { event, values: eventFormValues(event), errors: NO_ERRORS });
  }

  @Post('events/:id/edit')
  async update(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.events.get(id);
    const values = readEventForm(body);
    const venues = await this.venueChoices();
    const parsed = await parseEventForm(values, {
      now: this.clock.now(),
      venues: venueCapacities(venues),
      current: currentTimes(event),
    });
    let status = 400;
    if (parsed.input) {
      try {
        const change = await this.announcements.update(id, eventPatch(parsed.input, parsed.timesChanged));
        this.logger.log(`user ${user.id} changed event ${id}${change.rescheduled ? ' (a reschedule)' : ''}`);
        res.redirect(303, `/staff/events/${id}?done=${change.rescheduled ? 'rescheduled' : 'updated'}`);
        return;
      } catch (error) {
        status = this.explainRefusal(error, parsed.errors);
      }
    }
    await this.renderForm(res, status, {
      event,
      values,
      errors: parsed.errors.toView(EVENT_FORM_FIELDS),
      venues,
    });
  }

  @Get('events/:id/cancel')
  async cancelPage(@Param('id', uuidPipe('event')) id: string, @Res() res: Response): Promise<void> {
    const event = await this.changeableEvent(id);
    res.render('pages/events/staff/cancel.njk', { event: toEventView(event), reason: '', ...NO_ERRORS });
  }

  @Post('events/:id/cancel')
  async cancel(
    @Param('id', uuidPipe('event')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const reason = textField(body, 'reason');
    const errors = new FormErrors();
    // The reason goes into everyone's cancellation email and calendar: the text rule applies.
    const checked = checkText(reason, { field: 'the reason', max: 1000, multiLine: true });
    if (reason.trim() === '') errors.add('reason', 'Enter why the event is cancelled');
    else if (!checked.ok)
      errors.add(
        'reason',
        checked.problem === 'too-long'
          ? 'The reason must be 1,000 characters or fewer'
          : sentence(checked.message),
      );
    let status = 400;
    if (checked.ok && !errors.any) {
      try {
        await this.announcements.cancel(id, checked.value);
        this.logger.log(`user ${user.id} cancelled event ${id}`);
        res.redirect(303, `/staff/events/${id}?done=cancelled`);
        return;
      } catch (error) {
        status = this.explainRefusal(error, errors);
      }
    }
    const event = await this.events.get(id);
    res.status(status).render('pages/events/staff/cancel.njk', {
      event: toEventView(event),
      reason,
      ...errors.toView(CANCEL_FIELDS),
    });
  }

  /** A cancelled event cannot be changed, so its edit and cancel pages are a 409 page that says so. */
  private async changeableEvent(id: string): Promise<EventEntity> {
    const event = await this.events.get(id);
    if (event.status === 'cancelled')
      throw new ConflictException('This event is cancelled, so it can no longer be changed.');
    return event;
  }

  /**
   * Adds the service's refusal (bad input, a clash) to the form's errors and returns the status to
   * answer with; anything else is not the form's to explain and goes on to the error page.
   */
  private explainRefusal(error: unknown, errors: FormErrors): number {
    return explainRefusal(error, errors, EVENT_FORM_WORDING);
  }

  private async venueChoices(): Promise<VenueChoice[]> {
    // A constituency office has tens of venues; the select lists them all, by name.
    const page = await this.venues.list({ limit: 1000, offset: 0 });
    return page.items.map((venue) => ({
      value: venue.id,
      text: `${venue.name}, ${areaLabel(venue.area)} (holds ${venue.capacity})`,
      capacity: venue.capacity,
    }));
  }

  private async renderForm(
    res: Response,
    status: number,
    page: { event?: EventEntity; values: EventFormValues; errors: FormErrorsView; venues?: VenueChoice[] },
  ): Promise<void> {
    const venues = page.venues ?? (await this.venueChoices());
    res.status(status).render('pages/events/staff/form.njk', {
      event: page.event ? toEventView(page.event) : undefined,
      spansDays: page.event ? spansDays(page.event) : false,
      form: page.values,
      kinds: EVENT_KINDS,
      venueItems: [
        { value: '', text: 'Select a venue' },
        ...venues,
        { value: ONLINE_ONLY, text: 'Online only (no venue)' },
      ],
      ...page.errors,
    });
  }
}

function venueCapacities(venues: VenueChoice[]): Map<string, number> {
  return new Map(venues.map((venue) => [venue.value, venue.capacity]));
}
