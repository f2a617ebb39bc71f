import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import {
  AskToCohostDto,
  CohostRequestsService,
  CohostRequestView,
  DeclineCohostRequestDto,
  ListCohostRequestsQueryDto,
} from '@roundtable/partners';
import type { Page } from '@roundtable/platform';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/** Staff answer partners' requests to co-host; the partner's users are told either way. */
@ApiTags('co-hosting')
@Controller('api/v1/cohost-requests')
@Authenticated(...STAFF)
export class CohostRequestsController {
  constructor(private readonly requests: CohostRequestsService) {}

  @Get()
  @ApiOperation({ summary: 'Co-host requests, newest first; ?status=pending for the ones to answer' })
  list(@Query() query: ListCohostRequestsQueryDto): Promise<Page<CohostRequestView>> {
    return this.requests.list(query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept: the partner becomes a co-host (an event update for everyone registered); audited as cohost-request.accept',
  })
  @ApiOkResponse({ type: CohostRequestView })
  @ApiNotFoundResponse({ description: 'No request with that id.' })
  @ApiConflictResponse({ description: 'The request was already answered, or the event is cancelled.' })
  accept(@Param('id', uuidPipe('co-host request')) id: string, @CurrentUser() user: User) {
    return this.requests.accept(id, user.id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline, with an optional reason told to the partner; audited as cohost-request.decline',
  })
  @ApiOkResponse({ type: CohostRequestView })
  @ApiNotFoundResponse({ description: 'No request with that id.' })
  @ApiConflictResponse({ description: 'The request was already answered.' })
  decline(
    @Param('id', uuidPipe('co-host request')) id: string,
    @Body() body: DeclineCohostRequestDto,
    @CurrentUser() user: User,
  ): Promise<CohostRequestView> {
    return this.requests.decline(id, body.reason, user.id);
  }
}

/** A partner organisation's own requests to co-host. */
@ApiTags('partner')
@Controller('api/v1/partner/cohost-requests')
@Authenticated('partner')
export class PartnerCohostRequestsController {
  constructor(private readonly requests: CohostRequestsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Ask to co-host a published event still to come; staff are emailed. 409 if you already co-host it or already asked',
  })
  @ApiCreatedResponse({ type: CohostRequestView })
  @ApiNotFoundResponse({ description: 'No published event with that id.' })
  @ApiConflictResponse({
    description: 'Already co-hosting, a request already waiting, or the event is cancelled or started.',
  })
  ask(@Body() body: AskToCohostDto, @CurrentUser() user: User): Promise<CohostRequestView> {
    return this.requests.ask(user, body);
  }

  @Get()
  @ApiOperation({ summary: "Your organisation's requests, newest first, with their status" })
  list(
    @Query() query: ListCohostRequestsQueryDto,
    @CurrentUser() user: User,
  ): Promise<Page<CohostRequestView>> {
    return this.requests.listOwn(user, query);
  }
}
