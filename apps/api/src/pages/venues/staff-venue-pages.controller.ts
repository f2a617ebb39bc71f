import { Body, Controller, Get, Logger, Param, Post, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ACCESS_FEATURES, AREAS, toVenueView, VenuesService } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { uuidPipe } from '../../http/uuid.pipe';
import { NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { explainRefusal } from '../forms/service-errors';
import {
  VENUE_FORM_WORDING,
  EMPTY_VENUE_FORM,
  parseVenueForm,
  readVenueForm,
  venueFormValues,
  VENUE_FORM_FIELDS,
  type VenueFormValues,
} from './venue-form';

/** Staff pages for venues: the list, adding one and changing one. The rules live in VenuesService. */
@ApiExcludeController()
@Controller('staff/venues')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffVenuePagesController {
  private readonly logger = new Logger(StaffVenuePagesController.name);

  constructor(private readonly venues: VenuesService) {}

  @Get()
  @Render('pages/venues/list.njk')
  async list(@Query() query: Record<string, unknown>) {
    const page = readPageNumber(query);
    const result = await this.venues.list({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return {
      venues: result.items.map(toVenueView),
      total: result.total,
      added: query.added === '1',
      updated: query.updated === '1',
      pagination: paginationView('/staff/venues', query, page, result.total),
    };
  }

  @Get('new')
  newVenue(@Res() res: Response): void {
    this.renderForm(res, 200, EMPTY_VENUE_FORM, NO_ERRORS);
  }

  @Post('new')
  async create(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const values = readVenueForm(body);
    const parsed = await parseVenueForm(values);
    let status = 400;
    if (parsed.input) {
      try {
        const venue = await this.venues.create(parsed.input);
        this.logger.log(`user ${user.id} added venue ${venue.id}`);
        res.redirect(303, '/staff/venues?added=1');
        return;
      } catch (error) {
        status = explainRefusal(error, parsed.errors, VENUE_FORM_WORDING);
      }
    }
    this.renderForm(res, status, values, parsed.errors.toView(VENUE_FORM_FIELDS));
  }

  @Get(':id/edit')
  async editVenue(@Param('id', uuidPipe('venue')) id: string, @Res() res: Response): Promise<void> {
    const venue = await this.venues.get(id);
    this.renderForm(res, 200, venueFormValues(venue), NO_ERRORS, venue.id);
  }

  /**
   * The same change as PATCH /api/v1/venues/:id: every field is checked at once, then the
   * service's rules (a capacity below an upcoming event's places is refused, naming the event).
   */
  @Post(':id/edit')
  async update(
    @Param('id', uuidPipe('venue')) id: string,
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    await this.venues.get(id);
    const values = readVenueForm(body);
    const parsed = await parseVenueForm(values);
    let status = 400;
    if (parsed.input) {
      try {
        await this.venues.update(id, parsed.input);
        this.logger.log(`user ${user.id} changed venue ${id}`);
        res.redirect(303, '/staff/venues?updated=1');
        return;
      } catch (error) {
        status = explainRefusal(error, parsed.errors, VENUE_FORM_WORDING);
      }
    }
    this.renderForm(res, status, values, parsed.errors.toView(VENUE_FORM_FIELDS), id);
  }

  private renderForm(
    res: Response,
    status: number,
    form: VenueFormValues,
    errors: FormErrorsView,
    venueId?: string,
  ): void {
    res.status(status).render('pages/venues/form.njk', {
      venueId,
      form,
      areas: AREAS,
      accessFeatures: ACCESS_FEATURES,
      ...errors,
    });
  }
}
