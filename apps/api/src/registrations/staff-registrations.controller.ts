import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import {
  RegisterDto,
  StaffRegistrations,
  toRegistrationView,
  WalkInDto,
  type RegistrationView,
} from '@roundtable/registrations';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/** Registrations staff make for other people: someone who phoned, someone who walked in. */
@ApiTags('registrations')
@Controller('api/v1/events/:id')
@Authenticated(...STAFF)
export class StaffRegistrationsController {
  constructor(private readonly staffRegistrations: StaffRegistrations) {}

  @Post('registrations')
  @ApiOperation({
    summary: 'Register someone on their behalf (they phoned): the same rules and emails as the public form',
    description:
      'A place while they last, else the waiting list; the person is emailed their confirmation with the manage link ' +
      'and calendar invite (or the waiting-list email). The registration records the member of staff ' +
      '(registeredByUserId, registeredVia "phone") and the audit log has a registration.on-behalf entry. ' +
      'Unlike the public route, an address that already has a registration for the event is refused with a 409 saying what it has.',
  })
  @ApiCreatedResponse({ description: 'The registration made: status confirmed or waitlisted.' })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed: each is named.' })
  @ApiNotFoundResponse({ description: 'No published event with that id.' })
  @ApiConflictResponse({
    description: 'The event is cancelled or has started, or the address already has a registration for it.',
  })
  async registerOnBehalf(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: RegisterDto,
    @CurrentUser() user: User,
  ): Promise<RegistrationView> {
    const { registration } = await this.staffRegistrations.registerOnBehalf(eventId, body, user.id);
    return toRegistrationView(registration);
  }

  @Post('walk-ins')
  @ApiOperation({
    summary: 'Record a walk-in: someone at the event who had not registered, checked in at once',
    description:
      'Makes a registration already attended (registeredVia "walk_in"), counted in attendance, from the day of the event. ' +
      'Only the name is required. Nothing is emailed, even to an address given. It takes a place if one is free; ' +
      'if none is, they are recorded all the same, holding none (overCapacity true), since they are already in the room. ' +
      'Audited as registration.walk-in. Undo with DELETE /api/v1/events/:id/attendance/:registrationId.',
  })
  @ApiCreatedResponse({ description: 'The walk-in recorded, and whether every place was already taken.' })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed: each is named.' })
  @ApiNotFoundResponse({ description: 'No event with that id.' })
  @ApiConflictResponse({
    description:
      'A draft or cancelled event, before the day of the event, or an address that already has a registration for it.',
  })
  async recordWalkIn(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: WalkInDto,
    @CurrentUser() user: User,
  ): Promise<RegistrationView & { overCapacity: boolean }> {
    const { registration, overCapacity } = await this.staffRegistrations.recordWalkIn(eventId, body, user.id);
    return { ...toRegistrationView(registration), overCapacity };
  }
}
