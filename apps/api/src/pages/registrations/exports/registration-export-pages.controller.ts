import { Controller, Get, Param, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { toEventView } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import type { Response } from 'express';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { uuidPipe } from '../../../http/uuid.pipe';
import { RegistrationLists } from '../../../registrations/registration-lists';
import { registrationsFileName, toRegistrationsCsv } from '../../../registrations/registrations-csv';
import { toSignInSheet } from '../../../registrations/sign-in-sheet';

/**
 * The lists staff take along, from the event's page: the registrations as CSV (the same file as
 * GET /api/v1/events/:id/registrations.csv) and a printable sign-in sheet. Both audited.
 */
@ApiExcludeController()
@Controller('staff/events/:id')
@UseGuards(StaffPageGuard)
export class RegistrationExportPagesController {
  constructor(private readonly lists: RegistrationLists) {}

  @Get('registrations.csv')
  async csv(
    @Param('id', uuidPipe('event')) id: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const { event, registrations } = await this.lists.forExport(id, user.id);
    res.attachment(registrationsFileName(event));
    res.type('text/csv; charset=utf-8');
    res.send(toRegistrationsCsv(registrations));
  }

  @Get('sign-in-sheet')
  @Render('pages/registrations/exports/sign-in-sheet.njk')
  async signInSheet(@Param('id', uuidPipe('event')) id: string, @CurrentUser() user: User) {
    const list = await this.lists.forSignInSheet(id, user.id);
    return { event: toEventView(list.event), people: toSignInSheet(list).people };
  }
}
