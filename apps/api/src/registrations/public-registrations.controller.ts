import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { toPublicEventView, type PublicEventView } from '@roundtable/events';
import {
  attendanceAt,
  getsJoiningLink,
  ManageLinkRequestDto,
  ManageLinkRequests,
  RegisterDto,
  RegistrationsService,
  UpdateRegistrationDto,
  type Registration,
} from '@roundtable/registrations';
import { AnswerFloorInterceptor } from '../http/answer-floor';
import { PublicRateLimit } from '../http/throttling';
import { uuidPipe } from '../http/uuid.pipe';
import { ManageTokenPipe } from './manage-token.pipe';
import {
  linkRequestReceived,
  registrationReceived,
  RegistrationReceivedView,
} from './registration-received.view';

export interface ManageView {
  id: string;
  status: string;
  name: string;
  role: string | null;
  accessNeeds: string[];
  accessNotes: string | null;
  /** in_person or online: how this person takes part. */
  attendance: string;
  companions: number;
  phone: string | null;
  /**
   * The meeting link, only for someone with a place who takes part online (as in their emails);
   * absent otherwise. The event itself never carries it here.
   */
  joinUrl?: string;
  waitlistPosition: number | null;
  /** The co-hosting partners this person has let contact them (withdraw with PATCH). */
  partnerContactConsent: Array<{ id: string; name: string }>;
  event: PublicEventView;
}

function brief(registration: Registration) {
  return { id: registration.id, status: registration.status };
}

@ApiTags('public')
@Controller('api/v1/public')
@PublicRateLimit()
export class PublicRegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly linkRequests: ManageLinkRequests,
  ) {}

  @Post('events/:id/registrations')
  @HttpCode(202)
  @UseInterceptors(AnswerFloorInterceptor)
  @ApiOperation({
    summary: 'Register for an event: a place while they last, else the waitlist',
    description:
      'The answer is the same whether or not the address was already registered, and carries no token or id. ' +
      'A new address gets a registration and an email with its private manage link (and, with a place, the calendar invite). ' +
      'An address already registered, invited, declined or cancelled is left unchanged and emailed its own link instead, ' +
      'within per-address and per-event limits. ' +
      'A hybrid event (venue and online link) needs attendance (in_person or online); someone joining online takes no place and is never waitlisted. ' +
      'The person and their companions take 1 + companions places, all or none: the party is confirmed or waitlisted together. ' +
      'Access needs must fit how the person takes part (400 naming those that do not).',
  })
  @ApiAcceptedResponse({ type: RegistrationReceivedView })
  @ApiConflictResponse({ description: 'The event is cancelled or has started.' })
  async register(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: RegisterDto,
  ): Promise<RegistrationReceivedView> {
    await this.registrations.register(eventId, body);
    return registrationReceived(body.email);
  }

  @Post('events/:id/manage-link')
  @HttpCode(202)
  @UseInterceptors(AnswerFloorInterceptor)
  @ApiOperation({
    summary: 'Send me my link again',
    description:
      'Emails the address its private manage link for this event if it has a registration; the answer is the same either way. ' +
      'Limited per address and per event. An unknown or unpublished event is a 404.',
  })
  @ApiAcceptedResponse({ type: RegistrationReceivedView })
  @ApiNotFoundResponse({ description: 'No published event with that id.' })
  async requestLink(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: ManageLinkRequestDto,
  ): Promise<RegistrationReceivedView> {
    await this.linkRequests.requestForEvent(eventId, body.email);
    return linkRequestReceived(body.email);
  }

  @Get('registrations/:token')
  @ApiOperation({ summary: 'What the holder of a manage link registered' })
  async view(@Param('token', ManageTokenPipe) token: string): Promise<ManageView> {
    const { registration, event, waitlistPosition, partnerContactConsent } =
      await this.registrations.getByToken(token);
    return {
      id: registration.id,
      status: registration.status,
      name: registration.name,
      role: registration.role,
      accessNeeds: registration.accessNeeds,
      accessNotes: registration.accessNotes,
      attendance: attendanceAt(registration, event),
      companions: registration.companions,
      phone: registration.phone,
      ...(registration.status === 'confirmed' &&
        event.onlineUrl &&
        getsJoiningLink(registration, event) && { joinUrl: event.onlineUrl }),
      waitlistPosition,
      partnerContactConsent,
      event: toPublicEventView(event),
    };
  }

  @Patch('registrations/:token')
  @ApiOperation({
    summary:
      'Accept or decline, change access needs or how many are coming, or give or withdraw consent to co-hosts contacting you',
    description:
      'A new number of companions is refused with 409 (field companions, saying how many places are left) when the extra places are not all free; fewer give places back to the people waiting. ' +
      'Access needs must fit how the person takes part (400 naming those that do not).',
  })
  async update(
    @Param('token', ManageTokenPipe) token: string,
    @Body() body: UpdateRegistrationDto,
  ): Promise<{ id: string; status: string }> {
    return brief(await this.registrations.updateByToken(token, body));
  }

  @Delete('registrations/:token')
  @ApiOperation({ summary: 'Cancel; a freed place goes to the next person waiting' })
  async cancel(@Param('token', ManageTokenPipe) token: string): Promise<{ id: string; status: string }> {
    return brief(await this.registrations.cancelByToken(token));
  }
}
