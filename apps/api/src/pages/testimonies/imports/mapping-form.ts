import {
  IMPORT_FIELD_NAMES,
  type AnswerTranslation,
  type ImportMapping,
  type ImportPreviewView,
} from '@roundtable/testimony';
import { textField } from '../../forms/form-fields';

/** The form's field for each of our fields' column, and for the i-th answer of a choice column. */
export const columnFieldName = (field: string) => `column-${field}`;
export const answerFieldName = (field: string, index: number) => `answer-${field}-${index}`;

/**
 * The mapping a posted form asks for. Answers are posted by their place in the list the page
 * showed (so their text never round-trips through the form), and only for a column left as it
 * was: a field moved to another column starts again from label matches.
 */
export function mappingFromForm(body: unknown, shown: ImportPreviewView): ImportMapping {
  const columns: ImportMapping['columns'] = {};
  for (const field of IMPORT_FIELD_NAMES) {
    const header = textField(body, columnFieldName(field));
    if (header !== '') columns[field] = header;
  }
  const answers: AnswerTranslation[] = [];
  for (const entry of shown.answers) {
    if (columns[entry.field] !== entry.column) continue;
    entry.answers.forEach(({ answer }, index) => {
      const value = textField(body, answerFieldName(entry.field, index));
      if (value !== '') answers.push({ field: entry.field, answer, value });
    });
  }
  return { columns, answers };
}

/** The form's field for a mapping problem's field (`mapping.columns.story` → `column-story`). */
export function formFieldOf(problemField: string): string | undefined {
  const column = /^mapping\.columns\.(\w+)$/.exec(problemField);
  return column ? columnFieldName(column[1]!) : undefined;
}
