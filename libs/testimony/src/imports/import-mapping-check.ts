import { ruleBroken, type RuleBroken } from '@roundtable/platform';
import { CHOICE_FIELDS, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from './import-fields';
import type { ChoicesOf, ImportMapping } from './import-mapping';

/** Every problem with a mapping for these headers, each by the field of the mapping it is in. */
export function mappingProblems(
  mapping: ImportMapping,
  headers: readonly string[],
  choicesOf: ChoicesOf,
): RuleBroken[] {
  const problems: RuleBroken[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (mapping.columns[field] === undefined)
      problems.push(
        ruleBroken(
          'import-mapping-complete',
          `mapping.columns.${field} is required: choose the column that holds the ${IMPORT_FIELDS[field].label.toLowerCase()}`,
          `mapping.columns.${field}`,
        ),
      );
  }
  for (const [field, header] of Object.entries(mapping.columns) as Array<[ImportField, string]>) {
    if (!headers.includes(header))
      problems.push(
        ruleBroken(
          'import-column-exists',
          `mapping.columns.${field} names no column of this file: use one of its headers exactly as the import lists them`,
          `mapping.columns.${field}`,
        ),
      );
  }
  mapping.answers.forEach(({ field, value }, index) => {
    if (!CHOICE_FIELDS.includes(field)) return;
    const choices = choicesOf(field);
    if (!choices.some((choice) => choice.value === value))
      problems.push(
        ruleBroken(
          'import-answer-known',
          `mapping.answers.${index}.value must be one of ${choices.map((choice) => choice.value).join(', ')} for ${field}`,
          `mapping.answers.${index}.value`,
        ),
      );
  });
  return problems;
}
