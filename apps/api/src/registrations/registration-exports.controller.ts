import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { RegistrationLists } from './registration-lists';
import { toSignInSheet, SignInSheetDto, type SignInSheet } from './sign-in-sheet';
import { registrationsFileName, toRegistrationsCsv } from './registrations-csv';

/** An event's registrations to take along: a spreadsheet, and the sign-in sheet's list. */
@ApiTags('registrations')
@Controller('api/v1/events/:id')
@Authenticated(...STAFF)
export class RegistrationExportsController {
  constructor(private readonly lists: RegistrationLists) {}

  @Get('registrations.csv')
  @ApiOperation({
    summary:
      'Every registration for the event as CSV (name, email, role, status, access needs in words, access notes, attended), as an attachment. Audited as registration.export with the count.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No event with that id.' })
  async csv(
    @Param('id', uuidPipe('event')) eventId: string,
    @CurrentUser() user: User,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { event, registrations } = await this.lists.forExport(eventId, user.id);
    // Set only once there is a list: a refusal keeps its JSON error body and type.
    res.attachment(registrationsFileName(event));
    res.type('text/csv; charset=utf-8');
    return toRegistrationsCsv(registrations);
  }

  @Get('sign-in-sheet')
  @ApiOperation({
    summary:
      'The sign-in sheet: the people coming (confirmed or checked in), alphabetically, with their role and access needs in words. Audited as registration.print with the count.',
  })
  @ApiOkResponse({ type: SignInSheetDto })
  @ApiNotFoundResponse({ description: 'No event with that id.' })
  async signInSheet(
    @Param('id', uuidPipe('event')) eventId: string,
    @CurrentUser() user: User,
  ): Promise<SignInSheet> {
    return toSignInSheet(await this.lists.forSignInSheet(eventId, user.id));
  }
}
