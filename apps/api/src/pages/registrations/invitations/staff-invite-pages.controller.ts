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
import { CohostsReader } from '@roundtable/partners';
import { Clock } from '@roundtable/platform';
import {
  InvitationPreviewGone,
  InvitationPreviews,
  InvitationsService,
  PREVIEW_TTL_SECONDS,
  type InvitationCounts,
  type InvitationPreview,
} from '@roundtable/registrations';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { uuidPipe } from '../../../http/uuid.pipe';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { textField } from '../../forms/form-fields';
import { formRefusal, sentence } from '../../forms/service-errors';
import { parseCsvContacts, parsePastedContacts, type ContactListResult } from './contact-list';
import type { InviteUploadRequest } from './invite-upload.middleware';
import { sendPreviewEmailFrame } from './preview-email-frame';

type Field = 'people' | 'file';

interface InviteFormView {
  people: string;
  errorList: Array<{ text: string; href: string }>;
  problems: Record<Field, string[]>;
  counts?: SentCounts;
}

/** What a send did, and how many the preview it confirmed said would be new. */
interface SentCounts extends InvitationCounts {
  previewed?: number;
}

const COUNT_KEYS = ['invited', 'alreadyInvited', 'unsubscribed', 'duplicates'] as const;

/**
 * The staff form to invite people to an event: a pasted list or a CSV file. Two steps, so
 * nothing goes out unseen: the list is turned into contacts by pure functions (contact-list.ts)
 * and previewed (how many are new, already invited or registered, unsubscribed, repeated, which
 * lines cannot be used, and the email as it will look) with nothing written; the preview is kept
 * server-side (InvitationPreviews, in Redis for half an hour, bound to the user and the event),
 * and "Send N invitations" sends exactly that list through InvitationsService, the same as the
 * JSON API. If the list's standing changed in between, the result says so.
 */
@ApiExcludeController()
@Controller('staff/events/:id/invite')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffInvitePagesController {
  private readonly logger = new Logger(StaffInvitePagesController.name);

  constructor(
    private readonly events: EventsService,
    private readonly invitations: InvitationsService,
    private readonly previews: InvitationPreviews,
    private readonly cohosts: CohostsReader,
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

  /** The first step: the list checked and previewed. Nothing is written and nothing is sent. */
  @Post()
  async preview(
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

    // Lines that cannot be used are listed on the preview and left out; a list with none that
    // can is the form again, with every line to fix.
    const usable = list ? (list.problems.length === 0 ? list.contacts : (list.usable ?? [])) : [];
    if (list && usable.length === 0) {
      for (const text of list.problems) problem(field, text);
      if (list.problems.length === 0)
        problem(field, 'Paste a list of people to invite, or choose a CSV file');
    }
    if (list && view.errorList.length === 0) {
      try {
        const preview = await this.previews.preview(id, usable, {
          cohosts: await this.cohosts.namesFor(id),
        });
        const previewId = await this.previews.keep(user.id, id, preview);
        this.logger.log(
          `user ${user.id} previewed ${preview.counts.toInvite} invitations to event ${id} (preview kept ${PREVIEW_TTL_SECONDS / 60} minutes)`,
        );
        this.renderPreview(res, event, previewId, preview, {
          problems: list.problems,
          invalidRows: list.invalidRows ?? 0,
        });
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

  /**
   * The previewed email's HTML part, for the preview page's sandboxed frame: a document of its
   * own, in an opaque origin (the sandbox, here and on the frame), with a policy that runs no
   * script and loads nothing but its inline styles.
   */
  @Get('preview/:previewId/email')
  async previewEmail(
    @Param('id', uuidPipe('event')) id: string,
    @Param('previewId') previewId: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    await sendPreviewEmailFrame(res, this.previews, { previewId, userId: user.id, eventId: id });
  }

  /** The second step: "Send N invitations" sends the list exactly as it was previewed. */
  @Post('send')
  async send(
    @Param('id', uuidPipe('event')) id: string,
    @Req() req: Request,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.invitableEvent(id);
    try {
      const kept = await this.previews.take(textField(req.body, 'preview'), user.id, id);
      // The kept list has one entry per address: its repeats were counted by the preview.
      const sent = await this.invitations.invite(id, kept.contacts);
      const counts = { ...sent, duplicates: kept.counts.duplicates };
      this.logger.log(`user ${user.id} invited ${counts.invited} people to event ${id}`);
      const query = new URLSearchParams([
        ...COUNT_KEYS.map((key) => [key, String(counts[key])]),
        ['previewed', String(kept.counts.toInvite)],
      ]);
      res.redirect(303, `/staff/events/${id}/invite?${query.toString()}`);
    } catch (error) {
      if (error instanceof InvitationPreviewGone) {
        const text =
          'That preview has expired or its invitations were already sent. Paste the list or choose the file again to check it before sending';
        this.render(res, 410, event, {
          people: '',
          errorList: [{ text, href: '#people' }],
          problems: { people: [text], file: [] },
        });
        return;
      }
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      const problems = refusal.problems.map(({ message }) => sentence(message));
      this.render(res, refusal.status, event, {
        people: '',
        errorList: problems.map((text) => ({ text, href: '#people' })),
        problems: { people: problems, file: [] },
      });
    }
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

  private renderPreview(
    res: Response,
    event: EventEntity,
    previewId: string,
    preview: InvitationPreview,
    invalid: { problems: string[]; invalidRows: number },
  ): void {
    res.status(200).render('pages/registrations/invitations/invite-preview.njk', {
      event: toEventView(event),
      previewId,
      counts: preview.counts,
      sample: preview.sample,
      invalid,
      minutes: PREVIEW_TTL_SECONDS / 60,
    });
  }
}

/** The counts a successful send redirects with; none unless all four are whole numbers. */
function readCounts(query: Record<string, unknown>): SentCounts | undefined {
  const values = COUNT_KEYS.map((key) => textField(query, key));
  if (!values.every((value) => /^\d{1,6}$/.test(value))) return undefined;
  const [invited, alreadyInvited, unsubscribed, duplicates] = values.map(Number);
  const previewed = textField(query, 'previewed');
  return {
    invited,
    alreadyInvited,
    unsubscribed,
    duplicates,
    ...(/^\d{1,6}$/.test(previewed) && { previewed: Number(previewed) }),
  };
}
