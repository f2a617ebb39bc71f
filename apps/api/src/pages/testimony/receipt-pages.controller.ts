import {
  Body,
  Controller,
  Get,
  Logger,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '@roundtable/platform';
import { TestimonyReceipts } from '@roundtable/testimony';
import type { Response } from 'express';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { PublicRateLimit } from '../../http/throttling';
import { NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { explainRefusal } from '../forms/service-errors';
import {
  CONSENT_FORM_FIELDS,
  consentFormOf,
  parseConsentForm,
  readConsentForm,
  type ConsentFormValues,
} from './consent-form';
import { receiptPageView, type ReceiptPageView } from './receipt-page-view';
import { ReceiptNotFoundFilter } from './receipt-not-found.filter';
import { CONSENT_ITEMS, QUOTE_ITEMS } from './testimony-form-view';

/**
 * The private receipt pages, reached through the link shown after sending and in the receipt
 * email (no account): read what was sent, change or withdraw any consent, erase it all. Reading
 * never changes anything (mail scanners open links); every change is a form post with a CSRF
 * token. The token is in the address, so these pages are not indexed, cached or sent on as a
 * Referer (PagesModule applies the manage pages' headers to them).
 */
@ApiExcludeController()
@Controller('testimony')
@PublicRateLimit()
@UseGuards(CsrfGuard)
@UseFilters(ReceiptNotFoundFilter)
export class ReceiptPagesController {
  private readonly logger = new Logger(ReceiptPagesController.name);

  constructor(
    private readonly receipts: TestimonyReceipts,
    private readonly config: AppConfig,
  ) {}

  @Get('receipt/:token')
  async show(
    @Param('token') token: string,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    res.render('pages/testimony/receipt/show.njk', {
      ...(await this.view(token)),
      done: done === 'consent' ? done : undefined,
    });
  }

  /** Straight after the form: thanks, and the link to keep. */
  @Get('receipt/:token/sent')
  async sent(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const view = await this.view(token);
    res.render('pages/testimony/receipt/sent.njk', {
      ...view,
      // The address people will use, as the receipt email gives it; never the request's Host header.
      receiptUrl: new URL(view.basePath, this.config.get('PUBLIC_URL')).toString(),
      emailed: view.receipt.email !== null,
    });
  }

  @Get('receipt/:token/consent')
  async consentForm(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const view = await this.view(token);
    this.renderConsent(res, 200, view, consentFormOf(view.receipt), NO_ERRORS);
  }

  @Post('receipt/:token/consent')
  async changeConsent(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.view(token);
    const values = readConsentForm(body);
    const parsed = parseConsentForm(values, view.receipt.email !== null);
    if (parsed.input) {
      try {
        await this.receipts.changeConsent(token, parsed.input);
        this.logger.log('testimony consent changed through the receipt pages');
        res.redirect(303, `${view.basePath}?done=consent`);
        return;
      } catch (error) {
        const status = explainRefusal(error, parsed.errors, {
          fields: { 'consent.contact': 'consents', 'consent.casework': 'consents' },
        });
        this.renderConsent(res, status, view, values, parsed.errors.toView(CONSENT_FORM_FIELDS));
        return;
      }
    }
    this.renderConsent(res, 400, view, values, parsed.errors.toView(CONSENT_FORM_FIELDS));
  }

  /** "Are you sure?": erasing cannot be undone. */
  @Get('receipt/:token/erase')
  async erasePage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    res.render('pages/testimony/receipt/erase.njk', await this.view(token));
  }

  @Post('receipt/:token/erase')
  async erase(@Param('token') token: string, @Res() res: Response): Promise<void> {
    await this.receipts.erase(token);
    this.logger.log('testimony erased through the receipt pages');
    // Away from the link's address: it opens nothing now.
    res.redirect(303, '/testimony/erased');
  }

  @Get('erased')
  erased(@Res() res: Response): void {
    res.render('pages/testimony/receipt/erased.njk');
  }

  private async view(token: string): Promise<ReceiptPageView> {
    return receiptPageView(await this.receipts.read(token), token);
  }

  private renderConsent(
    res: Response,
    status: number,
    view: ReceiptPageView,
    form: ConsentFormValues,
    errors: FormErrorsView,
  ): void {
    res.status(status).render('pages/testimony/receipt/consent.njk', {
      ...view,
      form,
      quoteItems: QUOTE_ITEMS,
      consentItems: CONSENT_ITEMS,
      ...errors,
    });
  }
}
