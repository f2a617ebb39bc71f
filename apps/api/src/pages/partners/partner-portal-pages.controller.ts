import { Controller, Get, HttpCode, Logger, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import {
  PartnerCalendarFeeds,
  PartnerContacts,
  PartnerEvents,
  PartnerInvitations,
  type PartnerActor,
} from '@roundtable/partners';
import {
  InvitationPreviewGone,
  InvitationPreviews,
  PREVIEW_TTL_SECONDS,
  type InvitationCounts,
} from '@roundtable/registrations';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { PartnerPageGuard } from '../../auth/pages/partner-page.guard';
import { uuidPipe } from '../../http/uuid.pipe';
import { partnerActor } from '../../partners/partner-actor';
import { textField } from '../forms/form-fields';
import { formRefusal, sentence } from '../forms/service-errors';
import { parsePastedContacts } from '../registrations/invitations/contact-list';
import { partnerContactPageView, partnerEventPageView } from './partner-event-view';
import { sendPreviewEmailFrame } from '../registrations/invitations/preview-email-frame';

const COUNT_KEYS = ['invited', 'alreadyInvited', 'unsubscribed', 'duplicates'] as const;

/**
 * The partner portal's pages: the events the organisation co-hosts with their counts, one event
 * with the contacts of the people who said this partner may contact them (each view audited),
 * inviting members (previewed first, sent only on confirmation, as on the staff invite page),
 * and the private calendar feed. Everything else is 404 to a partner.
 */
@ApiExcludeController()
@Controller('partner')
@UseGuards(PartnerPageGuard, CsrfGuard)
export class PartnerPortalPagesController {
  private readonly logger = new Logger(PartnerPortalPagesController.name);

  constructor(
    private readonly events: PartnerEvents,
    private readonly contacts: PartnerContacts,
    private readonly invitations: PartnerInvitations,
    private readonly feeds: PartnerCalendarFeeds,
    private readonly previews: InvitationPreviews,
  ) {}

  @Get()
  async home(@CurrentUser() user: User, @Res() res: Response): Promise<void> {
    const events = await this.events.list(partnerActor(user).partnerId);
    res.render('pages/partners/home.njk', { events: events.map(partnerEventPageView) });
  }

  @Get('calendar')
  async calendar(@CurrentUser() user: User, @Res() res: Response): Promise<void> {
    res.render('pages/partners/calendar.njk', {
      hasFeed: await this.feeds.hasFeed(partnerActor(user).partnerId),
    });
  }

  /** The new URL is shown in this answer only (never in an address, a redirect or a log). */
  @Post('calendar')
  @HttpCode(200)
  async makeFeed(@CurrentUser() user: User, @Res() res: Response): Promise<void> {
    const { url } = await this.feeds.create(partnerActor(user));
    res.render('pages/partners/calendar.njk', { hasFeed: true, url });
  }

  @Post('calendar/revoke')
  @HttpCode(200)
  async revokeFeed(@CurrentUser() user: User, @Res() res: Response): Promise<void> {
    await this.feeds.revoke(partnerActor(user));
    res.render('pages/partners/calendar.njk', { hasFeed: false, revoked: true });
  }

  @Get('events/:id')
  async event(
    @Param('id', uuidPipe('event')) id: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const actor = partnerActor(user);
    const event = await this.events.get(actor.partnerId, id);
    // Read (and audited) on every view, so a withdrawn consent is gone at the next look.
    const contacts = await this.contacts.list(actor, id);
    res.render('pages/partners/event.njk', {
      event: partnerEventPageView(event),
      contacts: contacts.map(partnerContactPageView),
    });
  }

  @Get('events/:id/invite')
  async inviteForm(
    @Param('id', uuidPipe('event')) id: string,
    @Req() req: Request,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const event = await this.events.get(partnerActor(user).partnerId, id);
    res.render('pages/partners/invite.njk', {
      event: partnerEventPageView(event),
      people: '',
      problems: [],
      errorList: [],
      counts: readCounts(req.query as Record<string, unknown>),
    });
  }

  /** The first step: the list checked and previewed, as the staff page does. Nothing is written or sent. */
  @Post('events/:id/invite')
  async invite(
    @Param('id', uuidPipe('event')) id: string,
    @Req() req: Request,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const actor = partnerActor(user);
    const event = partnerEventPageView(await this.events.get(actor.partnerId, id));
    const people = textField(req.body, 'people');
    const problems: string[] = [];
    const list = people.trim() === '' ? null : parsePastedContacts(people);
    // Lines that cannot be used are listed on the preview and left out; a list with none that
    // can is the form again, with every line to fix.
    const usable = list ? (list.problems.length === 0 ? list.contacts : (list.usable ?? [])) : [];
    if (!list || (list.problems.length === 0 && list.contacts.length === 0)) {
      problems.push('Paste a list of people to invite, one on each line');
    } else if (usable.length === 0) {
      problems.push(...list.problems);
    }
    if (list && problems.length === 0) {
      try {
        const preview = await this.invitations.preview(actor, id, usable);
        const previewId = await this.previews.keep(user.id, id, preview);
        this.logger.log(
          `Partner ${actor.partnerId} user ${actor.userId} previewed ${preview.counts.toInvite} invitations to event ${id}`,
        );
        res.status(200).render('pages/registrations/invitations/invite-preview.njk', {
          event,
          previewId,
          counts: preview.counts,
          sample: preview.sample,
          invalid: { problems: list.problems, invalidRows: list.invalidRows ?? 0 },
          minutes: PREVIEW_TTL_SECONDS / 60,
          inviteBase: `/partner/events/${id}/invite`,
          pageSection: 'partner-events',
          pasteOnly: true,
        });
        return;
      } catch (error) {
        const refusal = formRefusal(error);
        if (!refusal) throw error;
        for (const { message } of refusal.problems) problems.push(sentence(message));
        return this.renderInvite(res, refusal.status, event, people, problems);
      }
    }
    this.renderInvite(res, 400, event, people, problems);
  }

  /** The previewed email's HTML part for the preview's sandboxed frame, as on the staff page. */
  @Get('events/:id/invite/preview/:previewId/email')
  async previewEmail(
    @Param('id', uuidPipe('event')) id: string,
    @Param('previewId') previewId: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    await this.events.get(partnerActor(user).partnerId, id);
    await sendPreviewEmailFrame(res, this.previews, { previewId, userId: user.id, eventId: id });
  }

  /** The second step: "Send N invitations" sends the list exactly as it was previewed. */
  @Post('events/:id/invite/send')
  async send(
    @Param('id', uuidPipe('event')) id: string,
    @Req() req: Request,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const actor = partnerActor(user);
    const event = partnerEventPageView(await this.events.get(actor.partnerId, id));
    try {
      const kept = await this.previews.take(textField(req.body, 'preview'), user.id, id);
      // The kept list has one entry per address: its repeats were counted by the preview.
      const sent = await this.invitations.invite(actor, id, kept.contacts);
      const counts = { ...sent, duplicates: kept.counts.duplicates };
      this.logInvited(actor, id, counts);
      const query = new URLSearchParams(COUNT_KEYS.map((key) => [key, String(counts[key])]));
      res.redirect(303, `/partner/events/${id}/invite?${query.toString()}`);
    } catch (error) {
      if (error instanceof InvitationPreviewGone) {
        return this.renderInvite(res, 410, event, '', [
          'That preview has expired or its invitations were already sent. Paste the list again to check it before sending',
        ]);
      }
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      const problems = refusal.problems.map(({ message }) => sentence(message));
      this.renderInvite(res, refusal.status, event, '', problems);
    }
  }

  private renderInvite(
    res: Response,
    status: number,
    event: ReturnType<typeof partnerEventPageView>,
    people: string,
    problems: string[],
  ): void {
    res.status(status).render('pages/partners/invite.njk', {
      event,
      people,
      problems,
      errorList: problems.map((text) => ({ text, href: '#people' })),
    });
  }

  private logInvited(actor: PartnerActor, eventId: string, counts: InvitationCounts): void {
    this.logger.log(
      `Partner ${actor.partnerId} user ${actor.userId} invited ${counts.invited} people to event ${eventId}`,
    );
  }
}

/** The counts a successful post redirects with; none unless all four are whole numbers. */
function readCounts(query: Record<string, unknown>): InvitationCounts | undefined {
  const values = COUNT_KEYS.map((key) => textField(query, key));
  if (!values.every((value) => /^\d{1,6}$/.test(value))) return undefined;
  const [invited, alreadyInvited, unsubscribed, duplicates] = values.map(Number);
  return { invited, alreadyInvited, unsubscribed, duplicates };
}
