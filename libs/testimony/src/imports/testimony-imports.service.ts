import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@roundtable/identity';
import { NotificationOutbox, type DueNotification } from '@roundtable/notifications';
import { assertNoProblems, Clock, InvalidInput, ruleBroken } from '@roundtable/platform';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from '../encryption/field-cipher';
import { SafeguardingFlags } from '../safeguarding/safeguarding-flags.service';
import { suggestsSafeguarding } from '../safeguarding/safeguarding-phrases';
import { CaseworkRequests } from '../intake/casework-requests';
import { TestimonyWriter } from '../testimonies/testimony-writer';
import { IMPORT_FIELDS, type Choice, type ImportField } from './import-fields';
import { IMPORT_KEPT_FOR_MS } from './import-limits';
import { ImportAlreadyCommitted, ImportExpired, ImportNeedsMapping, ImportNotFound } from './import-errors';
import { mappingProblems } from './import-mapping-check';
import type { ChoicesOf, ImportMapping } from './import-mapping';
import { candidateRefs, planImport, type ImportPlan } from './import-plan';
import { toImportPreviewView, type ImportPreviewView, type MappingSource } from './import-preview.view';
import { headerFingerprint, suggestColumns } from './mapping-suggestion';
import { readSurveyFile } from './survey-file';
import type { SurveyRow, SurveySheet } from './survey-sheet';
import { ROWS_SEALED, TestimonyImport, type ImportResult } from './testimony-import.entity';
import { TestimonyImportsRepository } from './testimony-imports.repository';

export interface SurveyUpload {
  file: Buffer;
  fileName: string;
  campaignId: string | null;
  uploadedById: string;
}

export interface ImportCommitState {
  id: string;
  status: TestimonyImport['status'];
  result: ImportResult | null;
}

/** A theme a row may be tagged with: its slug is the value a mapping translates answers to. */
type ThemeChoice = Choice & { id: string };

/**
 * Importing the office's survey export: upload (parsed, rows sealed), preview with a mapping
 * (saved for the next export of the same survey), commit (every valid row through TestimonyWriter
 * in one transaction; rows already imported are skipped by their external ref). Logs ids and
 * counts only.
 */
@Injectable()
export class TestimonyImportsService {
  private readonly logger = new Logger(TestimonyImportsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: TestimonyImportsRepository,
    private readonly writer: TestimonyWriter,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly flags: SafeguardingFlags,
    private readonly outbox: NotificationOutbox,
    private readonly casework: CaseworkRequests,
  ) {}

  async upload(upload: SurveyUpload): Promise<ImportPreviewView> {
    const sheet = await readSurveyFile(upload.file, upload.fileName);
    if (upload.campaignId !== null && !(await this.imports.campaignExists(upload.campaignId)))
      throw new InvalidInput([
        ruleBroken(
          'campaign-exists',
          `campaignId ${upload.campaignId} does not match any campaign`,
          'campaignId',
        ),
      ]);
    const id = randomUUID();
    const now = this.clock.now();
    const record: TestimonyImport = {
      id,
      status: 'parsed',
      format: sheet.format,
      fingerprint: headerFingerprint(sheet.headers),
      headers: sheet.headers,
      rowCount: sheet.rows.length,
      rows: ROWS_SEALED.seal(this.cipher, id, JSON.stringify(sheet.rows)),
      mapping: null,
      campaignId: upload.campaignId,
      uploadedById: upload.uploadedById,
      result: null,
      expiresAt: new Date(now.getTime() + IMPORT_KEPT_FOR_MS),
      createdAt: now,
    };
    await this.dataSource.transaction(async (manager) => {
      // Each upload also clears what earlier ones left past their day, so stories never linger.
      const cleared = await this.imports.clearExpired(manager, now);
      if (cleared > 0) this.logger.log(`Cleared the rows of ${cleared} expired survey imports`);
      await this.imports.insert(manager, record);
    });
    this.logger.log(`Survey import ${id} uploaded by ${upload.uploadedById}: ${sheet.rows.length} rows`);
    return this.previewOf(record, sheet, await this.mappingFor(record, sheet), upload.uploadedById);
  }

  /**
   * Clears the sealed rows of every upload kept past its day and never committed. Uploads do this
   * too, but an office that uploads once and walks away would otherwise keep stories for good: the
   * worker's hourly retention job calls this.
   */
  async clearExpiredUploads(): Promise<number> {
    const cleared = await this.dataSource.transaction((manager) =>
      this.imports.clearExpired(manager, this.clock.now()),
    );
    if (cleared > 0) this.logger.log(`Cleared the rows of ${cleared} expired survey imports`);
    return cleared;
  }

  /** The import with the mapping it would use now (its own, the survey's saved one, or a best guess). */
  async preview(id: string, actorId: string): Promise<ImportPreviewView> {
    const { record, sheet } = await this.open(id);
    return this.previewOf(record, sheet, await this.mappingFor(record, sheet), actorId);
  }

  /**
   * The same, unaudited, for a form that shows only the columns and the survey's answers, never a
   * row: a page that refuses a post re-shows its form this way, and so writes nothing.
   */
  async forMapping(id: string): Promise<ImportPreviewView> {
    const { record, sheet } = await this.open(id);
    return this.previewOf(record, sheet, await this.mappingFor(record, sheet), null);
  }

  /** Saves the mapping for this import and for the survey's next export, and previews with it. */
  async previewWith(id: string, mapping: ImportMapping, actorId: string): Promise<ImportPreviewView> {
    const { record, sheet } = await this.open(id);
    const choicesOf = this.choicesFrom(await this.imports.activeThemes());
    assertNoProblems(mappingProblems(mapping, record.headers, choicesOf));
    await this.dataSource.transaction(async (manager) => {
      await this.imports.saveMapping(manager, id, mapping);
      await this.imports.rememberMapping(manager, record.fingerprint, mapping, actorId);
    });
    record.mapping = mapping;
    return this.previewOf(record, sheet, { mapping, source: 'this-import' }, actorId);
  }

  async commit(id: string, actorId: string): Promise<ImportResult> {
    const { result, due } = await this.dataSource.transaction(async (manager) => {
      const record = await this.imports.lockForCommit(manager, id);
      const sheet = this.sheetOf(record, id);
      if (!record!.mapping) throw new ImportNeedsMapping();
      await this.imports.lockSurvey(manager, record!.fingerprint);
      const themes = await this.imports.activeThemes(manager);
      const plan = await this.plan(record!, sheet, record!.mapping, this.choicesFrom(themes), manager);
      const themeIds = new Map(themes.map((theme) => [theme.slug, theme.id]));
      // The same keyword screen as the form: a story that matches alerts the safeguarding lead.
      const flagged = plan.ready.map(({ testimony }) => suggestsSafeguarding(testimony.story));
      const ids = await this.writer.insert(
        manager,
        plan.ready.map(({ externalRef, testimony: { themeSlugs, ...testimony } }, index) => ({
          ...testimony,
          source: 'import' as const,
          campaignId: record!.campaignId,
          enteredById: actorId,
          externalRef,
          themeIds: themeSlugs.map((slug) => themeIds.get(slug)!),
          safeguardingFlag: flagged[index] ? ('suggested' as const) : null,
          flaggedAt: flagged[index] ? this.clock.now() : null,
        })),
      );
      const due: DueNotification[] = [];
      for (const [index, testimonyId] of ids.entries()) {
        if (flagged[index]) due.push(...(await this.flags.suggested(manager, testimonyId)));
      }
      // "Please take this up as casework" asks for the same queue however it reached us.
      await this.casework.requestAll(
        manager,
        ids.filter((_, index) => plan.ready[index].testimony.caseworkRequested),
      );
      const result: ImportResult = {
        imported: ids.length,
        alreadyImported: plan.alreadyImported.length,
        repeatedInFile: plan.repeatedInFile.length,
        refused: plan.refused.length,
        committedAt: this.clock.now().toISOString(),
      };
      await this.imports.markCommitted(manager, id, result);
      await this.audit.record(
        {
          actorId,
          action: 'testimony.import',
          subjectType: 'testimony_import',
          subjectId: id,
          detail: { ...result },
        },
        manager,
      );
      return { result, due };
    });
    await this.outbox.enqueue(due);
    this.logger.log(
      `Survey import ${id} committed by ${actorId}: ${result.imported} imported, ${result.alreadyImported + result.repeatedInFile} duplicates, ${result.refused} refused`,
    );
    return result;
  }

  /** Whether the import is committed yet, and what the commit added (null until then). */
  async commitState(id: string): Promise<ImportCommitState> {
    const record = await this.imports.findById(id);
    if (!record) throw new ImportNotFound(id);
    return { id, status: record.status, result: record.result };
  }

  private async open(id: string): Promise<{ record: TestimonyImport; sheet: SurveySheet }> {
    const record = await this.imports.findById(id);
    return { record: record!, sheet: this.sheetOf(record, id) };
  }

  /** The import's rows, opened; refuses an import that is missing, committed or past its day. */
  private sheetOf(record: TestimonyImport | null, id: string): SurveySheet {
    if (!record) throw new ImportNotFound(id);
    if (record.status === 'committed') throw new ImportAlreadyCommitted(id);
    if (record.rows === null || record.expiresAt <= this.clock.now()) throw new ImportExpired(id);
    const rows = JSON.parse(ROWS_SEALED.open(this.cipher, id, record.rows)) as SurveyRow[];
    return { headers: record.headers, rows };
  }

  private async mappingFor(
    record: TestimonyImport,
    sheet: SurveySheet,
  ): Promise<{ mapping: ImportMapping; source: MappingSource }> {
    if (record.mapping) return { mapping: record.mapping, source: 'this-import' };
    const saved = await this.imports.savedMapping(record.fingerprint);
    if (saved) return { mapping: saved.mapping, source: 'saved' };
    return { mapping: { columns: suggestColumns(sheet.headers), answers: [] }, source: 'suggested' };
  }

  private async previewOf(
    record: TestimonyImport,
    sheet: SurveySheet,
    { mapping, source }: { mapping: ImportMapping; source: MappingSource },
    actorId: string | null,
  ): Promise<ImportPreviewView> {
    const choicesOf = this.choicesFrom(await this.imports.activeThemes());
    const plan = await this.plan(record, sheet, mapping, choicesOf);
    // The preview shows excerpts of stories: a read of testimony, audited like one.
    if (actorId !== null)
      await this.audit.record({
        actorId,
        action: 'testimony.read',
        subjectType: 'testimony_import',
        subjectId: record.id,
        detail: { rows: sheet.rows.length },
      });
    return toImportPreviewView(record, sheet, mapping, source, plan, choicesOf);
  }

  private async plan(
    record: TestimonyImport,
    sheet: SurveySheet,
    mapping: ImportMapping,
    choicesOf: ChoicesOf,
    manager?: EntityManager,
  ): Promise<ImportPlan> {
    const refs = candidateRefs(sheet, record.fingerprint, mapping.columns.externalId);
    const imported = await this.imports.importedRefs(refs, manager);
    return planImport(sheet, record.fingerprint, mapping, choicesOf, this.clock.now(), (ref) =>
      imported.has(ref),
    );
  }

  private choicesFrom(themes: ReadonlyArray<{ id: string; slug: string; name: string }>): ChoicesOf {
    const themeChoices: ThemeChoice[] = themes.map((theme) => ({
      id: theme.id,
      value: theme.slug,
      label: theme.name,
    }));
    return (field: ImportField) =>
      field === 'themes'
        ? themeChoices
        : ((IMPORT_FIELDS[field] as { choices?: readonly Choice[] }).choices ?? []);
  }
}
