import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import { EnterTestimonyDto, TestimonyIntake } from '@roundtable/testimony';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { CurrentUser } from '../auth/current-user.decorator';

export class TestimonyEnteredView {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

/** Staff entry only; review, list and read are the review routes' (same path, other methods). */
@ApiTags('testimonies')
@Controller('api/v1/testimonies')
@Authenticated(...STAFF)
export class StaffTestimonyEntryController {
  constructor(private readonly intake: TestimonyIntake) {}

  @Post()
  @ApiOperation({
    summary:
      "Enter testimony heard at an event on the speaker's behalf, with the consent they gave in the room",
  })
  @ApiCreatedResponse({ type: TestimonyEnteredView })
  @ApiBadRequestResponse({ description: 'Something to fix, named by field; nothing was kept.' })
  async enter(@Body() body: EnterTestimonyDto, @CurrentUser() user: User): Promise<TestimonyEnteredView> {
    const { id } = await this.intake.enterForSpeaker(body, user.id);
    return { id };
  }
}
