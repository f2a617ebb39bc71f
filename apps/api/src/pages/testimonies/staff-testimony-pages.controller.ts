import { Body, Controller, Get, Logger, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AREAS } from '@roundtable/events';
import type { User } from '@roundtable/identity';
import {
  QUOTE_CONSENTS,
  RESPONDENT_ROLES,
  TESTIMONY_STATUSES,
  TestimonyReviewService,
  ThemesService,
  type TestimonyDetail,
} from '@roundtable/testimony';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { CsrfGuard } from '../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../auth/pages/staff-page.guard';
import { uuidPipe } from '../../http/uuid.pipe';
import { NO_ERRORS, type FormErrorsView } from '../forms/form-errors';
import { PAGE_SIZE, paginationView, readPageNumber } from '../forms/pagination';
import { explainRefusal } from '../forms/service-errors';
import { answerLabels, STATUS_LABELS, summaryLabels, whenLabel } from './testimony-labels';
import { readTestimonyFilters, TESTIMONY_FILTER_FIELDS } from './testimony-filters';
import {
  parseReviewForm,
  REVIEW_FORM_FIELDS,
  REVIEW_FORM_WORDING,
  REVIEW_FORMS,
  type ReviewForm,
  type ReviewFormValues,
} from './testimony-review-form';

/** What each form's success says at the top of the testimony page. */
const SAVED: Record<ReviewForm, string> = {
  redaction: 'Redaction saved. The original story is kept as it was given.',
  review: 'Review saved.',
  notes: 'Note added.',
  flag: 'Safeguarding flag updated.',
};

/**
 * Staff review pages: the list with filters, and one testimony with its forms. Every opening of a
 * testimony goes through TestimonyReviewService.read, so it is audited as the API's is.
 */
@ApiExcludeController()
@Controller('staff/testimonies')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffTestimonyPagesController {
  private readonly logger = new Logger(StaffTestimonyPagesController.name);

  constructor(
    private readonly reviews: TestimonyReviewService,
    private readonly themes: ThemesService,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @CurrentUser() user: User, @Res() res: Response) {
    const page = readPageNumber(query);
    const filters = await readTestimonyFilters(query, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const result = filters.search ? await this.reviews.list(filters.search, user.id) : undefined;
    res.status(filters.errors.any ? 400 : 200).render('pages/testimonies/list.njk', {
      filters: filters.values,
      filtersApplied: Boolean(result),
      testimonies: result?.items.map((item) => ({ ...item, labels: summaryLabels(item) })) ?? [],
      total: result?.total ?? 0,
      pagination: result ? paginationView('/staff/testimonies', query, page, result.total) : undefined,
      choices: await this.choices(),
      ...filters.errors.toView(TESTIMONY_FILTER_FIELDS),
    });
  }

  @Get(':id')
  async show(
    @Param('id', uuidPipe('testimony')) id: string,
    @Query('saved') saved: unknown,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const detail = await this.reviews.read(id, user.id);
    const savedForm = REVIEW_FORMS.find((form) => form === saved);
    await this.renderShow(res, 200, detail, {}, NO_ERRORS, savedForm ? SAVED[savedForm] : undefined);
  }

  @Post(':id/redaction')
  redact(
    @Param('id', uuidPipe('testimony')) id: string,
    @Body() body: unknown,
    @CurrentUser() user: User,
    @Res() res: Response,
  ) {
    return this.change('redaction', id, body, user, res);
  }

  @Post(':id/review')
  review(
    @Param('id', uuidPipe('testimony')) id: string,
    @Body() body: unknown,
    @CurrentUser() user: User,
    @Res() res: Response,
  ) {
    return this.change('review', id, body, user, res);
  }

  @Post(':id/notes')
  addNote(
    @Param('id', uuidPipe('testimony')) id: string,
    @Body() body: unknown,
    @CurrentUser() user: User,
    @Res() res: Response,
  ) {
    return this.change('notes', id, body, user, res);
  }

  @Post(':id/flag')
  flag(
    @Param('id', uuidPipe('testimony')) id: string,
    @Body() body: unknown,
    @CurrentUser() user: User,
    @Res() res: Response,
  ) {
    return this.change('flag', id, body, user, res);
  }

  /** One form's change: saved and back to the page, or the page again with what to fix. */
  private async change(
    which: ReviewForm,
    id: string,
    body: unknown,
    user: User,
    res: Response,
  ): Promise<void> {
    const parsed = await parseReviewForm(which, body);
    let status = 400;
    if (parsed.patch) {
      try {
        await this.reviews.update(id, parsed.patch, user.id);
        this.logger.log(`user ${user.id} changed testimony ${id} (${which})`);
        res.redirect(303, `/staff/testimonies/${id}?saved=${which}`);
        return;
      } catch (error) {
        status = explainRefusal(error, parsed.errors, REVIEW_FORM_WORDING);
      }
    }
    const detail = await this.reviews.read(id, user.id);
    await this.renderShow(res, status, detail, parsed.values, parsed.errors.toView(REVIEW_FORM_FIELDS));
  }

  private async renderShow(
    res: Response,
    status: number,
    detail: TestimonyDetail,
    typed: ReviewFormValues,
    errors: FormErrorsView,
    saved?: string,
  ): Promise<void> {
    const active = (await this.themes.listActive({ limit: 200, offset: 0 })).items;
    const retiredTags = detail.themes.filter((theme) => theme.status !== 'active');
    const tagged = typed.themeIds ?? detail.themes.map((theme) => theme.id);
    res.status(status).render('pages/testimonies/show.njk', {
      testimony: detail,
      labels: summaryLabels(detail),
      answers: {
        assessmentWait: answerLabels.weeks(detail.answers.assessmentWaitWeeks),
        planWait: answerLabels.weeks(detail.answers.planWaitWeeks),
        deadline: answerLabels.deadline(detail.answers.deadline),
        tribunal: answerLabels.tribunal(detail.answers.tribunal),
        ageBand: answerLabels.ageBand(detail.answers.ageBand),
        schoolPhase: answerLabels.schoolPhase(detail.answers.schoolPhase),
      },
      notes: detail.notes.map((note) => ({ ...note, when: whenLabel(note.createdAt) })),
      form: {
        redactedStory: typed.redactedStory ?? detail.redactedStory ?? detail.story,
        note: typed.note ?? '',
        status: typed.status ?? detail.status,
        quoteSelected: typed.quoteSelected ?? detail.quoteSelected,
      },
      themeItems: [
        ...active.map((theme) => ({ value: theme.id, text: theme.name })),
        ...retiredTags.map((theme) => ({ value: theme.id, text: `${theme.name} (retired)` })),
      ].map((item) => ({ ...item, checked: tagged.includes(item.value) })),
      statusItems: TESTIMONY_STATUSES.map((value) => ({ value, text: STATUS_LABELS[value] })),
      canQuote: detail.quoteConsent === 'quote-anonymously',
      saved,
      ...errors,
    });
  }

  private async choices() {
    const themes = (await this.themes.listAll({ limit: 200, offset: 0 })).items;
    return {
      themes: themes.map((theme) => ({
        value: theme.id,
        label: theme.status === 'active' ? theme.name : `${theme.name} (retired)`,
      })),
      areas: AREAS,
      roles: RESPONDENT_ROLES,
      statuses: TESTIMONY_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value]! })),
      consents: QUOTE_CONSENTS,
      flagged: [
        { value: 'true', label: 'Flagged' },
        { value: 'false', label: 'Not flagged' },
      ],
    };
  }
}
