import {
  Body,
  Controller,
  Delete,
  Get,
  NotFoundException,
  Param,
  Patch,
  PipeTransform,
  Post,
  Req,
} from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { toPublicEventView, type PublicEventView } from '@roundtable/events';
import {
  RegisterDto,
  RegistrationsService,
  UpdateRegistrationDto,
  type Registration,
} from '@roundtable/registrations';
import type { Request } from 'express';
import { PublicRateLimit } from '../http/throttling';
import { uuidPipe } from '../http/uuid.pipe';

/** A manage token has a fixed shape; anything else cannot match, so it is a 404 without a query. */
export class ManageTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^rtm_[A-Za-z0-9_-]{43}$/.test(value)) {
      throw new NotFoundException('this link does not match a registration: check it is complete');
    }
    return value;
  }
}

export interface ManageView {
  id: string;
  status: string;
  name: string;
  role: string | null;
  accessNeeds: string[];
  accessNotes: string | null;
  waitlistPosition: number | null;
  event: PublicEventView;
}

export function requestId(req: Request): string | undefined {
  const id = (req as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function brief(registration: Registration) {
  return { id: registration.id, status: registration.status };
}

@ApiTags('public')
@Controller('api/v1/public')
@PublicRateLimit()
export class PublicRegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post('events/:id/registrations')
  @ApiOperation({ summary: 'Register for an event: a place while they last, else the waitlist' })
  @ApiConflictResponse({ description: 'Already registered, or the event is cancelled or has started.' })
  async register(
    @Param('id', uuidPipe('event')) eventId: string,
    @Body() body: RegisterDto,
    @Req() req: Request,
  ): Promise<{ id: string; status: string; manageToken: string }> {
    const { registration, manageToken } = await this.registrations.register(eventId, body, requestId(req));
    return { ...brief(registration), manageToken };
  }

  @Get('registrations/:token')
  @ApiOperation({ summary: 'What the holder of a manage link registered' })
  async view(@Param('token', ManageTokenPipe) token: string): Promise<ManageView> {
    const { registration, event, waitlistPosition } = await this.registrations.getByToken(token);
    return {
      id: registration.id,
      status: registration.status,
      name: registration.name,
      role: registration.role,
      accessNeeds: registration.accessNeeds,
      accessNotes: registration.accessNotes,
      waitlistPosition,
      event: toPublicEventView(event),
    };
  }

  @Patch('registrations/:token')
  @ApiOperation({ summary: 'Accept or decline, or change access needs' })
  async update(
    @Param('token', ManageTokenPipe) token: string,
    @Body() body: UpdateRegistrationDto,
    @Req() req: Request,
  ): Promise<{ id: string; status: string }> {
    return brief(await this.registrations.updateByToken(token, body, requestId(req)));
  }

  @Delete('registrations/:token')
  @ApiOperation({ summary: 'Cancel; a freed place goes to the next person waiting' })
  async cancel(
    @Param('token', ManageTokenPipe) token: string,
    @Req() req: Request,
  ): Promise<{ id: string; status: string }> {
    return brief(await this.registrations.cancelByToken(token, requestId(req)));
  }
}
