import { Body, Controller, Get, Logger, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThemesService, toPublicThemeView, type PublicThemeView } from '@roundtable/testimony';
import type { Response } from 'express';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { PublicRateLimit } from '../../http/throttling';
import { NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { textField } from '../forms/form-fields';
import { TestimonyContextReader, type TestimonyContext } from './testimony-context';
import {
  EMPTY_TESTIMONY_FORM,
  readTestimonyForm,
  TESTIMONY_FORM_FIELDS,
  type TestimonyFormValues,
} from './testimony-form';
import { testimonyFormView } from './testimony-form-view';
import { ORIGIN_GONE, TestimonySubmission } from './testimony-submission';

const NO_CONTEXT: TestimonyContext = { evidenceUseParagraphs: [] };

/** Themes are read a page at a time until all are in: the form offers (and accepts) every active theme. */
const THEMES_PAGE = 100;

/**
 * The public testimony form, reached from a campaign page, an event page, a registration's
 * manage page, or on its own. After sending, people go to the confirmation page under their
 * private receipt link (see ReceiptPagesController). Anonymous posts need the CSRF cookie this
 * page sets, and are rate limited per client.
 */
@ApiExcludeController()
@Controller('testimony/new')
@PublicRateLimit()
@UseGuards(CsrfGuard)
export class PublicTestimonyPagesController {
  private readonly logger = new Logger(PublicTestimonyPagesController.name);

  constructor(
    private readonly themes: ThemesService,
    private readonly contexts: TestimonyContextReader,
    private readonly submission: TestimonySubmission,
  ) {}

  @Get()
  async form(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const form: TestimonyFormValues = {
      ...EMPTY_TESTIMONY_FORM,
      campaign: textField(query, 'campaign'),
      event: textField(query, 'event'),
      registration: textField(query, 'registration'),
    };
    await this.render(res, 200, form, await this.contexts.read(form), NO_ERRORS);
  }

  @Post()
  async submit(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const values = readTestimonyForm(body);
    const themes = await this.activeThemes();
    const outcome = await this.submission.submit(
      values,
      themes.map((theme) => theme.slug),
    );
    if (!('errors' in outcome)) {
      this.logger.log('testimony sent through the public form');
      res.redirect(303, `/testimony/receipt/${outcome.receiptToken}/sent`);
      return;
    }
    // Shown again with everything they wrote; an origin that no longer takes testimony is
    // dropped (and said so), so that what they wrote can still be sent.
    const context = outcome.originDropped ? undefined : await this.contexts.readIfOpen(values);
    if (!context) outcome.errors.add(undefined, ORIGIN_GONE);
    const shown = context ? values : { ...values, campaign: '', event: '', registration: '' };
    const errors = outcome.errors.toView(TESTIMONY_FORM_FIELDS);
    await this.render(res, outcome.status, shown, context ?? NO_CONTEXT, errors, themes);
  }

  private async activeThemes(): Promise<PublicThemeView[]> {
    const themes: PublicThemeView[] = [];
    for (let offset = 0; ; offset += THEMES_PAGE) {
      const page = await this.themes.listActive({ limit: THEMES_PAGE, offset });
      themes.push(...page.items.map(toPublicThemeView));
      if (page.items.length < THEMES_PAGE || themes.length >= page.total) return themes;
    }
  }

  private async render(
    res: Response,
    status: number,
    form: TestimonyFormValues,
    context: TestimonyContext,
    errors: FormErrorsView,
    themes?: PublicThemeView[],
  ): Promise<void> {
    res
      .status(status)
      .render(
        'pages/testimony/form.njk',
        testimonyFormView(themes ?? (await this.activeThemes()), context, form, errors),
      );
  }
}
