import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import {
  ImportAlreadyCommitted,
  IMPORT_FIELD_NAMES,
  IMPORT_FIELDS,
  TestimonyImportsService,
  type ImportPreviewView,
} from '@roundtable/testimony';
import type { Request, Response } from 'express';
import { CurrentUser } from '../../../auth/current-user.decorator';
import { CsrfGuard } from '../../../auth/pages/csrf.guard';
import { StaffPageGuard } from '../../../auth/pages/staff-page.guard';
import { uuidPipe } from '../../../http/uuid.pipe';
import { FormErrors } from '../../forms/form-errors';
import { formRefusal, sentence } from '../../forms/service-errors';
import { answerFieldName, columnFieldName, formFieldOf, mappingFromForm } from './mapping-form';
import type { SurveyUploadPageRequest } from './survey-upload-page.middleware';

const VIEWS = 'pages/testimonies/imports';
const FIELD_ORDER = IMPORT_FIELD_NAMES.map(columnFieldName);

/**
 * The survey import for staff, step by step: upload the export, choose which column is which
 * (and what the survey's answers mean), check every row that cannot be imported, then import.
 * Each step is a form posted to the same service as the JSON API.
 */
@ApiExcludeController()
@Controller('staff/testimony-imports')
@UseGuards(StaffPageGuard, CsrfGuard)
export class StaffImportPagesController {
  constructor(private readonly imports: TestimonyImportsService) {}

  @Get('new')
  uploadForm(@Res() res: Response): void {
    res.render(`${VIEWS}/upload.njk`, { errorList: [], problem: undefined });
  }

  @Post('new')
  async upload(
    @Req() req: SurveyUploadPageRequest,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const refuse = (status: number, problem: string) =>
      res
        .status(status)
        .render(`${VIEWS}/upload.njk`, { errorList: [{ text: problem, href: '#file' }], problem });
    if (req.uploadProblem) return refuse(400, req.uploadProblem);
    if (!req.file || req.file.size === 0)
      return refuse(400, 'Choose the survey export to upload: an .xlsx or .csv file');
    try {
      const view = await this.imports.upload({
        file: req.file.buffer,
        fileName: req.file.originalname,
        campaignId: null,
        uploadedById: user.id,
      });
      res.redirect(303, `/staff/testimony-imports/${view.id}`);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      refuse(refusal.status, sentence(refusal.message));
    }
  }

  @Get(':id')
  async preview(
    @Param('id', uuidPipe('survey import')) id: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    try {
      this.renderPreview(res, 200, await this.imports.preview(id, user.id), new FormErrors());
    } catch (error) {
      if (!(error instanceof ImportAlreadyCommitted)) throw error;
      res.redirect(303, `/staff/testimony-imports/${id}/done`);
    }
  }

  @Post(':id/mapping')
  async map(
    @Param('id', uuidPipe('survey import')) id: string,
    @Req() req: Request,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    const shown = await this.imports.forMapping(id);
    try {
      await this.imports.previewWith(id, mappingFromForm(req.body, shown), user.id);
      res.redirect(303, `/staff/testimony-imports/${id}#preview`);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal) throw error;
      const errors = new FormErrors();
      for (const problem of refusal.problems)
        errors.add(
          problem.field === undefined ? undefined : formFieldOf(problem.field),
          sentence(problem.message),
        );
      this.renderPreview(res, refusal.status, shown, errors, false);
    }
  }

  @Post(':id/commit')
  async commit(
    @Param('id', uuidPipe('survey import')) id: string,
    @CurrentUser() user: User,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.imports.commit(id, user.id);
      res.redirect(303, `/staff/testimony-imports/${id}/done`);
    } catch (error) {
      const refusal = formRefusal(error);
      if (!refusal || error instanceof ImportAlreadyCommitted) throw error;
      const errors = new FormErrors().add(undefined, sentence(refusal.message));
      this.renderPreview(res, refusal.status, await this.imports.forMapping(id), errors, false);
    }
  }

  @Get(':id/done')
  async done(@Param('id', uuidPipe('survey import')) id: string, @Res() res: Response): Promise<void> {
    const state = await this.imports.commitState(id);
    if (!state.result) return res.redirect(303, `/staff/testimony-imports/${id}`);
    res.render(`${VIEWS}/done.njk`, { result: state.result });
  }

  /** `showRows`: the sample and the refused rows too (only on the audited GET, never on a refused post). */
  private renderPreview(
    res: Response,
    status: number,
    view: ImportPreviewView,
    errors: FormErrors,
    showRows = true,
  ): void {
    res.status(status).render(`${VIEWS}/preview.njk`, {
      ...errors.toView(FIELD_ORDER),
      view,
      showRows,
      fields: IMPORT_FIELD_NAMES.map((field) => ({
        name: columnFieldName(field),
        label: IMPORT_FIELDS[field].label,
        required: field === 'story' || field === 'externalId',
        selected: view.mapping.columns[field] ?? '',
      })),
      answerGroups: view.answers.map((group) => ({
        ...group,
        label: IMPORT_FIELDS[group.field].label,
        items: group.answers.map((answer, index) => ({
          ...answer,
          name: answerFieldName(group.field, index),
        })),
      })),
    });
  }
}
