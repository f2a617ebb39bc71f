import { Body, Controller, Get, HttpCode, Logger, Param, Post, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InvitationsService, RegistrationsService, type Registration } from '@roundtable/registrations';
import { SkipThrottle } from '@nestjs/throttler';
import { PUBLIC_THROTTLE, PublicRateLimit } from '../../../http/throttling';
import { ManageTokenPipe } from '../../../registrations/manage-token.pipe';

/** Statuses in which the person holds (or is queuing for) a place that unsubscribing keeps. */
const HOLDS_PLACE: ReadonlySet<Registration['status']> = new Set(['confirmed', 'waitlisted']);

/**
 * The unsubscribe link in every invitation (and its List-Unsubscribe header).
 *
 * GET only shows a page with a button: link scanners and mail previews fetch links, so a GET
 * must never unsubscribe anyone. POST unsubscribes, whether from the button or from a mail
 * provider's one-click request (RFC 8058: `List-Unsubscribe=One-Click`, form-encoded or
 * multipart, with no cookies). It is deliberately outside CSRF protection: the provider has no
 * cookie or form token to send, and the unguessable token in the address is what authorises it,
 * so a forged post could only unsubscribe someone whose private link the forger already holds.
 * Any POST to the address counts; the body is not needed and is not required.
 */
@ApiExcludeController()
@Controller('manage/:token/unsubscribe')
@PublicRateLimit()
export class UnsubscribePagesController {
  private readonly logger = new Logger(UnsubscribePagesController.name);

  constructor(
    private readonly registrations: RegistrationsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @Render('pages/registrations/unsubscribe/confirm.njk')
  async confirm(@Param('token', ManageTokenPipe) token: string) {
    const { event } = await this.registrations.getByToken(token);
    return { token, eventTitle: event.title };
  }

  // Not limited per address: one-click requests come from a mail provider's few servers, so one
  // campaign's unsubscribes would trip a per-address limit and be lost (providers need not
  // retry). The 256-bit token cannot be guessed, a malformed one is refused without a query, and
  // a repeat changes nothing. The GET page keeps the limit.
  @Post()
  @SkipThrottle({ [PUBLIC_THROTTLE]: true })
  @HttpCode(200)
  @Render('pages/registrations/unsubscribe/done.njk')
  async unsubscribe(@Param('token', ManageTokenPipe) token: string, @Body() body: unknown) {
    const oneClick =
      typeof body === 'object' &&
      body !== null &&
      (body as Record<string, unknown>)['List-Unsubscribe'] === 'One-Click';
    const registration = await this.invitations.unsubscribeByToken(
      token,
      oneClick ? 'one-click' : 'unsubscribe-page',
    );
    const { event } = await this.registrations.getByToken(token);
    this.logger.log(`registration ${registration.id} unsubscribed from invitations`);
    return {
      eventTitle: event.title,
      keepsPlace: HOLDS_PLACE.has(registration.status),
      waitlisted: registration.status === 'waitlisted',
    };
  }
}
