import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { PartnerRegistration, RegisterPartnerDto } from '@roundtable/partners';
import { PublicRateLimit } from '../http/throttling';

export class PartnerRegisteredView {
  @ApiProperty({ example: '0b7e1f5c-2c1d-4e8e-9a55-8c7f6a9d2e11' })
  id: string;

  @ApiProperty({ enum: ['pending'] })
  status: 'pending';
}

@ApiTags('public')
@Controller('api/v1/public/partners')
@PublicRateLimit()
export class PublicPartnersController {
  constructor(private readonly registration: PartnerRegistration) {}

  @Post()
  @ApiOperation({
    summary: 'Register an organisation as a partner: it waits for staff to approve it',
    description:
      'areas are values from the events area list. Staff are emailed; the contact hears when it is decided.',
  })
  @ApiCreatedResponse({ type: PartnerRegisteredView })
  @ApiBadRequestResponse({
    description: 'Something to fix, named by field (e.g. the charity number format).',
  })
  @ApiConflictResponse({
    description:
      'That charity number or contact email is already registered (the other organisation is not named).',
  })
  register(@Body() body: RegisterPartnerDto): Promise<PartnerRegisteredView> {
    return this.registration.register(body);
  }
}
