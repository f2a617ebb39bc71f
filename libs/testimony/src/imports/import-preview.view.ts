import { AnswerTranslator } from './answer-matching';
import { CHOICE_FIELDS, IMPORT_FIELDS, type Choice, type ImportField } from './import-fields';
import type { ChoicesOf, ImportMapping } from './import-mapping';
import type { ImportPlan, PlannedRow } from './import-plan';
import type { SurveySheet } from './survey-sheet';
import { distinctAnswers } from './mapping-suggestion';
import type { TestimonyImport } from './testimony-import.entity';

/** Rows shown as they would be imported; the rest are counted. Every refused row is listed. */
export const PREVIEW_SAMPLE_ROWS = 10;
const EXCERPT_CHARACTERS = 120;
/** A choice column with more different answers than this is probably free text mapped by mistake. */
const ANSWERS_SHOWN = 100;

export type MappingSource = 'this-import' | 'saved' | 'suggested';

export interface AnswerView {
  answer: string;
  rows: number;
  /** Our value, or null when it has none yet (the rows giving it are refused). */
  value: string | null;
  by: 'mapping' | 'label' | null;
}

export interface ImportPreviewView {
  id: string;
  status: TestimonyImport['status'];
  format: TestimonyImport['format'];
  campaignId: string | null;
  headers: string[];
  mappingSource: MappingSource;
  mapping: ImportMapping;
  /** For each mapped choice column: its different answers and what each becomes. */
  answers: Array<{
    field: ImportField;
    column: string;
    answers: AnswerView[];
    more: number;
    /** Our values an answer can be translated to (a theme's slug for themes). */
    choices: Choice[];
  }>;
  counts: {
    rows: number;
    importable: number;
    refused: number;
    alreadyImported: number;
    repeatedInFile: number;
  };
  sample: Array<Record<string, unknown>>;
  refused: ImportPlan['refused'];
  alreadyImported: ImportPlan['alreadyImported'];
  repeatedInFile: ImportPlan['repeatedInFile'];
}

export function toImportPreviewView(
  record: TestimonyImport,
  sheet: SurveySheet,
  mapping: ImportMapping,
  mappingSource: MappingSource,
  plan: ImportPlan,
  choicesOf: ChoicesOf,
): ImportPreviewView {
  return {
    id: record.id,
    status: record.status,
    format: record.format,
    campaignId: record.campaignId,
    headers: record.headers,
    mappingSource,
    mapping,
    answers: answersOf(sheet, mapping, choicesOf),
    counts: {
      rows: sheet.rows.length,
      importable: plan.ready.length,
      refused: plan.refused.length,
      alreadyImported: plan.alreadyImported.length,
      repeatedInFile: plan.repeatedInFile.length,
    },
    sample: plan.ready.slice(0, PREVIEW_SAMPLE_ROWS).map(sampleRow),
    refused: plan.refused,
    alreadyImported: plan.alreadyImported,
    repeatedInFile: plan.repeatedInFile,
  };
}

function answersOf(
  sheet: SurveySheet,
  mapping: ImportMapping,
  choicesOf: ChoicesOf,
): ImportPreviewView['answers'] {
  const translator = new AnswerTranslator(mapping.answers);
  return CHOICE_FIELDS.flatMap((field) => {
    const column = mapping.columns[field];
    if (column === undefined) return [];
    const all = [...distinctAnswers(sheet.headers, sheet.rows, column, field).values()];
    const answers = all.slice(0, ANSWERS_SHOWN).map(({ answer, count }): AnswerView => {
      const found = translator.translate(
        field,
        answer,
        choicesOf(field),
        IMPORT_FIELDS[field].kind === 'yes-no',
      );
      return { answer, rows: count, value: found?.value ?? null, by: found?.by ?? null };
    });
    const choices = choicesOf(field).map(({ value, label }) => ({ value, label }));
    return [{ field, column, answers, more: all.length - answers.length, choices }];
  });
}

/** A row as it would be stored, for staff: a short excerpt of the story, and whether a name or email comes with it. */
function sampleRow({ row, externalId, testimony }: PlannedRow): Record<string, unknown> {
  const { story, name, email, themeSlugs, submittedAt, ...plain } = testimony;
  return {
    row,
    externalId,
    ...plain,
    themes: themeSlugs,
    submittedAt: submittedAt?.toISOString() ?? null,
    excerpt: story.length > EXCERPT_CHARACTERS ? `${story.slice(0, EXCERPT_CHARACTERS - 1)}…` : story,
    hasName: name !== null && name !== undefined,
    hasEmail: email !== null && email !== undefined,
  };
}
