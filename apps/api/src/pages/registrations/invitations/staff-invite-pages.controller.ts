import {
  ConflictException,
  Controller,
  Get,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventsService, toEventView, type EventEntity } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import { Clock } from '@roundtable/platform';
import { InvitationsService, type InvitationCounts } from '@roundtable/registrations';
import type { Response } from 'express';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { uuidPipe } from '../../../http/uuid.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { textField } from '../../forms/form-fields';
import { formRefusal, sentence } from '../../forms/service-errors';
import { parseCsvContacts, parsePastedContacts, type ContactListResult } from './contact-list';
import type { InviteUploadRequest } from './invite-upload.middleware';

type Field = 'people' | 'file';

interface InviteFormView {
  people: string;
  errorList: Array<{ text: string; href: string }>;
  problems: Record<Field, string[]>;
  counts?: InvitationCounts;
}

const COUNT_KEYS = ['invited', 'alreadyInvited', 'unsubscribed', 'duplicates'] as const;

/**
 * The staff form to invite people to an event: a pasted list or a CSV file. The text is turned
 * into contacts by pure functions (contact-list.ts) and handed to InvitationsService, the same
 * as the JSON API; every line to fix is named and nothing is sent until the whole list is right.
 */
@ApiExcludeController()
@Controller('staff/events/:id/invite')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffInvitePagesController {
  private readonly logger = new Logger(StaffInvitePagesController.name);

  constructor(
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async form(
    @Param('id', uuidPipe('event')) id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.invitableEvent(id);
    const counts = readCounts(query);
    this.render(res, 200, event, { people: '', errorList: [], problems: { people: [], file: [] }, counts });
  }

  @Post()
  async invite(
    @Param('id', uuidPipe('event')) id: string,
    @Req() req: InviteUploadRequest,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.invitableEvent(id);
    const people = textField(req.body, 'people');
    const view: InviteFormView = { people, errorList: [], problems: { people: [], file: [] } };
    const problem = (field: Field, text: string) => {
      view.problems[field].push(text);
      view.errorList.push({ text, href: `#${field}` });
    };

    const hasFile = req.file !== undefined && req.file.size > 0;
    let list: ContactListResult | undefined;
    let field: Field = 'people';
    if (req.uploadProblem) problem('file', req.uploadProblem);
    else if (hasFile && people.trim() !== '')
      problem('people', 'Paste a list or choose a CSV file, not both. Clear the pasted list to use the file');
    else if (hasFile) {
      field = 'file';
      list = parseCsvContacts(req.file!.buffer);
    } else if (people.trim() !== '') list = parsePastedContacts(people);
    else problem('people', 'Paste a list of people to invite, or choose a CSV file');

    if (list) {
      for (const text of list.problems) problem(field, text);
      if (list.problems.length === 0 && list.contacts.length === 0)
        problem(field, 'Paste a list of people to invite, or choose a CSV file');
    }
    if (list && view.errorList.length === 0) {
      try {
        const counts = await this.invitations.invite(id, list.contacts);
        this.logger.log(`user ${user.id} invited ${counts.invited} people to event ${id}`);
        const query = new URLSearchParams(COUNT_KEYS.map((key) => [key, String(counts[key])]));
        res.redirect(303, `/staff/events/${id}/invite?${query.toString()}`);
        return;
      } catch (error) {
        // Every refusal of the list is about the box it came from, whatever rule it names.
        const refusal = formRefusal(error);
        if (!refusal) throw error;
        for (const { message } of refusal.problems) problem(field, sentence(message));
        this.render(res, refusal.status, event, view);
        return;
      }
    }
    this.render(res, 400, event, view);
  }

  /** Only a published event that has not started can take invitations: otherwise a 409 page says why. */
  private async invitableEvent(id: string): Promise<EventEntity> {
    const event = await this.events.get(id);
    if (event.status === 'draft')
      throw new ConflictException('This event is a draft. Publish it before you invite people.');
    if (event.status === 'cancelled')
      throw new ConflictException('This event is cancelled, so no one can be invited to it.');
    if (event.startsAt <= this.clock.now())
      throw new ConflictException('This event has already started, so it is too late to invite people.');
    return event;
  }

  private render(res: Response, status: number, event: EventEntity, view: InviteFormView): void {
    res
      .status(status)
      .render('pages/registrations/invitations/invite.njk', { event: toEventView(event), ...view });
  }
}

/** The counts a successful post redirects with; none unless all four are whole numbers. */
function readCounts(query: Record<string, unknown>): InvitationCounts | undefined {
  const values = COUNT_KEYS.map((key) => textField(query, key));
  if (!values.every((value) => /^\d{1,6}$/.test(value))) return undefined;
  const [invited, alreadyInvited, unsubscribed, duplicates] = values.map(Number);
  return { invited, alreadyInvited, unsubscribed, duplicates };
}
