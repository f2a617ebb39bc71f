import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { User } from '@roundtable/identity';
import {
  PreviewImportDto,
  TestimonyImportsService,
  type ImportCommitState,
  type ImportPreviewView,
  type ImportResult,
} from '@roundtable/testimony';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, STAFF } from '../auth/roles.decorator';
import { uuidPipe } from '../http/uuid.pipe';
import { SurveyUploadInterceptor } from './survey-upload.interceptor';

type UploadRequest = Request & { file?: Express.Multer.File };

/**
 * Importing the office's Microsoft Forms survey: upload the export, map its columns (the mapping
 * is saved for the survey's next export), preview every row that cannot be imported and why,
 * then commit. Re-importing the same responses adds nothing twice.
 */
@ApiTags('testimony imports')
@Controller('api/v1/testimony-imports')
@Authenticated(...STAFF)
export class TestimonyImportsController {
  constructor(private readonly imports: TestimonyImportsService) {}

  @Post()
  @UseInterceptors(SurveyUploadInterceptor)
  @ApiOperation({
    summary: 'Upload a survey export',
    description:
      'multipart/form-data: the .xlsx or .csv export in `file` (at most 10 MB, 20,000 rows) and, optionally, a `campaignId` the responses belong to. Answers the preview with the mapping it would use: the one saved for this survey, or a best guess from the headers.',
  })
  @ApiCreatedResponse({ description: 'The import, its headers, the suggested mapping and a preview.' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than 10 MB.' })
  async upload(@Req() req: UploadRequest, @CurrentUser() user: User): Promise<ImportPreviewView> {
    if (!req.file)
      throw new BadRequestException(
        'send the survey export as multipart/form-data, the .xlsx or .csv file in a field called file',
      );
    return this.imports.upload({
      file: req.file.buffer,
      fileName: req.file.originalname,
      campaignId: campaignIdOf(req.body),
      uploadedById: user.id,
    });
  }

  @Get(':id/preview')
  @ApiOperation({ summary: 'The mapping this import would use, and what it would import with it' })
  @ApiGoneResponse({ description: 'Uploaded more than a day ago: its rows are cleared.' })
  async preview(
    @Param('id', uuidPipe('survey import')) id: string,
    @CurrentUser() user: User,
  ): Promise<ImportPreviewView> {
    return this.imports.preview(id, user.id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Save a mapping (for this import and the survey’s next export) and preview with it',
  })
  @ApiConflictResponse({ description: 'The import is already committed.' })
  async previewWith(
    @Param('id', uuidPipe('survey import')) id: string,
    @Body() body: PreviewImportDto,
    @CurrentUser() user: User,
  ): Promise<ImportPreviewView> {
    const { columns, answers = [] } = body.mapping;
    return this.imports.previewWith(
      id,
      { columns: { ...columns }, answers: answers.map((a) => ({ ...a })) },
      user.id,
    );
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import every valid row, in one transaction, with the previewed mapping' })
  @ApiConflictResponse({ description: 'Already committed, or no mapping has been previewed yet.' })
  async commit(
    @Param('id', uuidPipe('survey import')) id: string,
    @CurrentUser() user: User,
  ): Promise<ImportResult> {
    return this.imports.commit(id, user.id);
  }

  @Get(':id/commit')
  @ApiOperation({
    summary: 'Whether the import is committed, and what it added: counts imported, skipped and refused',
  })
  async commitState(@Param('id', uuidPipe('survey import')) id: string): Promise<ImportCommitState> {
    return this.imports.commitState(id);
  }
}

/** The form's optional campaignId: empty means none; anything else must be an id. */
function campaignIdOf(body: unknown): string | null {
  const value = (body as Record<string, unknown> | undefined)?.campaignId;
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !isUUID(value))
    throw new BadRequestException('campaignId must be the id of a campaign (or left out)');
  return value;
}
