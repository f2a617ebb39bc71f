import type { Choice, ImportField } from './import-fields';

/**
 * Which column fills each of our fields, and what the survey's answers mean in our vocabulary.
 * Saved per import and, by the header row's fingerprint, for the next export of the same survey.
 * An answer that matches one of our labels needs no translation (see answer-matching.ts).
 */
export interface ImportMapping {
  columns: Partial<Record<ImportField, string>>;
  answers: AnswerTranslation[];
}

/** "In this column, the survey's answer `answer` means our `value`" (a theme's slug for themes). */
export interface AnswerTranslation {
  field: ImportField;
  answer: string;
  value: string;
}

/** The choices of one field in the import: our fixed lists, or the active themes. */
export type ChoicesOf = (field: ImportField) => readonly Choice[];
