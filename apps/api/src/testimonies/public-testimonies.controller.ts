import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChangeConsentDto,
  SubmitTestimonyDto,
  TestimonyIntake,
  TestimonyReceipts,
  type ReceiptView,
} from '@roundtable/testimony';
import { PublicRateLimit } from '../http/throttling';
import { ReceiptTokenPipe } from './receipt-token.pipe';

export class TestimonyReceivedView {
  @ApiProperty({
    description: "The submitter's own private receipt link token: read, change consent or erase.",
    example: 'rtr_JV7a6JKIKds3I4I4OwWaq-9BfNaLV9zsrZSdacfXVW4',
  })
  receiptToken: string;
}

@ApiTags('public')
@Controller('api/v1/public/testimonies')
@PublicRateLimit()
export class PublicTestimoniesController {
  constructor(
    private readonly intake: TestimonyIntake,
    private readonly receipts: TestimonyReceipts,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Tell us your experience: standalone, from an event page, or from a manage link',
    description:
      'Anonymous unless a name or email is given. With an email, a receipt with the private link is sent. ' +
      'themes are theme slugs from GET /api/v1/public/themes (active themes only).',
  })
  @ApiCreatedResponse({ type: TestimonyReceivedView })
  @ApiBadRequestResponse({ description: 'Something to fix, named by field; nothing was kept.' })
  async submit(@Body() body: SubmitTestimonyDto): Promise<TestimonyReceivedView> {
    const { receiptToken } = await this.intake.submit(body);
    return { receiptToken };
  }

  @Get(':receiptToken')
  @ApiOperation({ summary: 'What the holder of a receipt link sent, and what they consented to' })
  @ApiNotFoundResponse({ description: 'No testimony for this link (erased, or not copied in full).' })
  read(@Param('receiptToken', ReceiptTokenPipe) token: string): Promise<ReceiptView> {
    return this.receipts.read(token);
  }

  @Patch(':receiptToken')
  @ApiOperation({ summary: 'Change consent: any part left out stays as it is' })
  @ApiNotFoundResponse({ description: 'No testimony for this link (erased, or not copied in full).' })
  changeConsent(
    @Param('receiptToken', ReceiptTokenPipe) token: string,
    @Body() body: ChangeConsentDto,
  ): Promise<ReceiptView> {
    return this.receipts.changeConsent(token, body);
  }

  @Delete(':receiptToken')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase it: nothing is kept but a count' })
  @ApiNoContentResponse({ description: 'Erased.' })
  @ApiNotFoundResponse({ description: 'No testimony for this link (erased, or not copied in full).' })
  async erase(@Param('receiptToken', ReceiptTokenPipe) token: string): Promise<void> {
    await this.receipts.erase(token);
  }
}
