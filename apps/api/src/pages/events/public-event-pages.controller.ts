import { Controller, Get, Param, Query, Redirect, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AREAS, EventsService, toPublicEventView } from '@roundtable/events';
import { CohostsReader } from '@roundtable/partners';
import { Clock } from '@roundtable/platform';
import { PublicRateLimit } from '../../http/throttling';
import { uuidPipe } from '../../http/uuid.pipe';
import { FormErrors } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { registrationOpening } from '../registrations/public/registration-opening';
import { publicEventDetails } from './event-details';

const AND_LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/**
 * The public pages: upcoming published events and each event's page. They show only the public
 * view of an event (no joining link, no staff fields, no personal data).
 */
@ApiExcludeController()
@Controller()
@PublicRateLimit()
export class PublicEventPagesController {
  constructor(
    private readonly events: EventsService,
    private readonly clock: Clock,
    private readonly cohosts: CohostsReader,
  ) {}

  @Get()
  @Redirect('/events', 302)
  home(): void {}

  @Get('events')
  @Render('pages/events/public/list.njk')
  async list(@Query() query: Record<string, unknown>) {
    const area = textField(query, 'area');
    const errors = new FormErrors();
    const known = area === '' || AREAS.some((item) => item.value === area);
    // An area we do not know (an old or mistyped link) is said plainly, and all events are shown.
    if (!known) errors.add('area', 'Select an area from the list');
    const page = readPageNumber(query);
    const result = await this.events.listPublic({
      area: known && area !== '' ? area : undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return {
      area: known ? area : '',
      areaName: known && area !== '' ? AREAS.find((item) => item.value === area)?.label : undefined,
      areas: AREAS,
      events: result.items.map(toPublicEventView),
      total: result.total,
      pagination: paginationView('/events', query, page, result.total),
      ...errors.toView(['area']),
    };
  }

  @Get('events/:id')
  @Render('pages/events/public/show.njk')
  async show(@Param('id', uuidPipe('event')) id: string) {
    const event = await this.events.getPublic(id);
    return {
      ...publicEventDetails(event, this.clock.now()),
      registration: registrationOpening(event, this.clock.now()),
      cohostsText: AND_LIST.format(await this.cohosts.namesFor(event.id)),
    };
  }
}
