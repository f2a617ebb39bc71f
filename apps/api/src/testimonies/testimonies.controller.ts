import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import type { Page } from '@roundtable/platform';
import {
  ListTestimoniesQueryDto,
  TestimonyReviewService,
  UpdateTestimonyDto,
  type TestimonyDetail,
  type TestimonySummary,
} from '@roundtable/testimony';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';

/** Staff review of testimony. Every list and every opening is written to the audit log. */
@ApiTags('testimonies')
@Controller('api/v1/testimonies')
@Authenticated(...STAFF)
export class TestimoniesController {
  constructor(private readonly reviews: TestimonyReviewService) {}

  @Get()
  @ApiOperation({
    summary: 'List testimony, newest first, without its story, name or email (audited as testimony.list)',
  })
  list(@Query() query: ListTestimoniesQueryDto, @CurrentUser() user: User): Promise<Page<TestimonySummary>> {
    return this.reviews.list(query, user.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Open one testimony, decrypted, with its notes (audited as testimony.read)' })
  @ApiNotFoundResponse({ description: 'No testimony with that id (or it was erased).' })
  read(@Param('id', uuidPipe('testimony')) id: string, @CurrentUser() user: User): Promise<TestimonyDetail> {
    return this.reviews.read(id, user.id);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Tag themes, set the status, redact, add a note, choose as a quote, raise or clear the safeguarding flag: all or nothing',
  })
  @ApiNotFoundResponse({ description: 'No testimony with that id (or it was erased).' })
  @ApiConflictResponse({
    description: 'quoteSelected without quote consent or without a redaction.',
  })
  update(
    @Param('id', uuidPipe('testimony')) id: string,
    @Body() body: UpdateTestimonyDto,
    @CurrentUser() user: User,
  ): Promise<TestimonyDetail> {
    return this.reviews.update(id, body, user.id);
  }
}
