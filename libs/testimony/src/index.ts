export {
  MalformedSealedValue,
  SealedValueError,
  TamperedSealedValue,
  TestimonyKeysNotSet,
  UnknownTestimonyKey,
} from './encryption/cipher-errors';
export { EncryptedColumn } from './encryption/encrypted-column';
export { type FieldAddress } from './encryption/field-address';
export { FieldCipher } from './encryption/field-cipher';
// Every refusal is public: the API filter and the pages map each one, so the list is errors.ts itself.
export * from './errors';
export { TestimonyModule } from './testimony.module';
export {
  CreateThemeDto,
  MergeThemeDto,
  THEME_DESCRIPTION_MAX,
  THEME_NAME_MAX,
  UpdateThemeDto,
} from './themes/theme.dto';
export { Theme, THEME_STATUSES, type ThemeStatus } from './themes/theme.entity';
export { slugFromName } from './themes/theme-slug';
export { toPublicThemeView, toThemeView, type PublicThemeView, type ThemeView } from './themes/theme.view';
export { OTHER_THEME_SLUG } from './themes/themes.repository';
export { ThemesService } from './themes/themes.service';
export { testimonyCipherProvider } from './encryption/testimony-cipher.provider';
export {
  CASEWORK_STATUSES,
  CaseworkReferral,
  type CaseworkStatus,
} from './testimonies/casework-referral.entity';
export {
  ERASURE_REASONS,
  TestimonyErasure,
  type ErasureReason,
} from './testimonies/testimony-erasure.entity';
export { NOTE_BODY_SEALED, TestimonyNote } from './testimonies/testimony-note.entity';
export { TestimonyTheme } from './testimonies/testimony-theme.entity';
export {
  EMAIL_SEALED,
  NAME_SEALED,
  REDACTED_STORY_SEALED,
  STORY_SEALED,
  Testimony,
} from './testimonies/testimony.entity';
export * from './testimonies/testimony-vocabulary';
export { type NewTestimony } from './testimonies/new-testimony';
export { TestimonyWriter } from './testimonies/testimony-writer';
export {
  filtersOf,
  ListTestimoniesQueryDto,
  type TestimonyFilters,
} from './review/list-testimonies-query.dto';
export {
  NOTE_MAX,
  REDACTION_MAX,
  THEMES_PER_TESTIMONY_MAX,
  UpdateTestimonyDto,
} from './review/update-testimony.dto';
export { type OpenedNote, type TestimonyDetail } from './review/testimony-detail';
export { type TaggedTheme, type TestimonySummary } from './review/testimony-summary';
export { REDACTION_ALLOWANCE, TestimonyReviewService } from './review/testimony-review.service';
export { ListCaseworkQueryDto, UpdateCaseworkReferralDto } from './casework/casework-queue.dto';
export { CaseworkQueueService, type CaseworkItem } from './casework/casework-queue.service';
export { CaseworkRequests } from './intake/casework-requests';
export { ChangeConsentDto, TestimonyConsentDto } from './intake/dto/testimony-consent.dto';
export { TestimonyAnswersDto } from './intake/dto/testimony-answers.dto';
export {
  EnterTestimonyDto,
  STORY_MAX,
  SubmitTestimonyDto,
  TestimonyFieldsDto,
  THEMES_MAX,
} from './intake/dto/testimony.dto';
export { ReceiptLinkKeys } from './intake/receipt-link-keys';
export { TestimonyIntake, type TakenTestimony } from './intake/testimony-intake.service';
export { SEALED_AUTHOR_RECIPIENT, TestimonyMessages } from './notifications/testimony-messages';
export {
  TestimonyMessageFacts,
  type TestimonyMessageFactsView,
} from './notifications/testimony-message-facts';
export { toReceiptView, type ReceiptView } from './receipts/receipt.view';
export { TestimonyReceipts } from './receipts/testimony-receipts.service';
export { SAFEGUARDING_PHRASES, suggestsSafeguarding } from './safeguarding/safeguarding-phrases';
export { SafeguardingFlags } from './safeguarding/safeguarding-flags.service';
export {
  REPORT_FORMATS,
  ReportQueryDto,
  ReportScopeQueryDto,
  type ReportFormat,
} from './reports/report-scope.dto';
export { REPORT_SQL, reportParams, type ReportParamsInput } from './reports/report-queries';
export { describeScope, reportTables, type Cell, type ReportTable } from './reports/report-tables';
export { protectCell, toReportCsv } from './reports/report-csv';
export { REPORT_TITLE, toReportDocx } from './reports/report-docx';
export type * from './reports/testimony-report';
export { TestimonyReportsService, type ReportRequest } from './reports/testimony-reports.service';
export { type ScopeChoices } from './reports/testimony-reports.repository';
export {
  ERASE_EXPIRED_TESTIMONY_EVERY_MS,
  RETENTION_BATCH_SIZE,
  TESTIMONY_JOBS,
  TESTIMONY_QUEUE,
  TESTIMONY_WORKER_OPTIONS,
  type EraseExpiredTestimonyJob,
  type TestimonyJobName,
} from './retention/testimony-jobs';
export { TestimonyRetention, type RetentionSweepResult } from './retention/testimony-retention.service';
export { SEALED_COLUMNS } from './rekey/sealed-columns';
export { TestimonyRekey, type RekeyResult, type UnreadableValue } from './rekey/testimony-rekey.service';
export {
  IMPORT_FIELDS,
  IMPORT_FIELD_NAMES,
  CHOICE_FIELDS,
  YES_NO,
  type ImportField,
} from './imports/import-fields';
export * from './imports/import-errors';
export { IMPORT_LIMITS, IMPORT_KEPT_FOR_MS } from './imports/import-limits';
export { type ImportMapping, type AnswerTranslation } from './imports/import-mapping';
export {
  AnswerTranslationDto,
  ImportColumnsDto,
  ImportMappingDto,
  PreviewImportDto,
} from './imports/import-mapping.dto';
export { type ImportPreviewView, type AnswerView, type MappingSource } from './imports/import-preview.view';
export { EXAMPLE_SURVEY_HEADERS } from './imports/example-survey-headers';
export { externalRefOf } from './imports/import-plan';
export { headerFingerprint } from './imports/mapping-suggestion';
export { ROWS_SEALED, TestimonyImport, type ImportResult } from './imports/testimony-import.entity';
export { TestimonyImportMapping } from './imports/testimony-import-mapping.entity';
export {
  TestimonyImportsService,
  type ImportCommitState,
  type SurveyUpload,
} from './imports/testimony-imports.service';
