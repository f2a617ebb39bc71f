import type { Choice, ImportField } from './import-fields';
import type { AnswerTranslation } from './import-mapping';

/** Case, spacing and trailing punctuation do not make two answers differ. */
export function answerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.!?:;,\s]+$/, '')
    .trim();
}

const YES_WORDS = new Set(['yes', 'y', 'true', 'yes please', 'i agree', 'agree']);
const NO_WORDS = new Set(['no', 'n', 'false', 'no thanks', 'no thank you']);

/**
 * Our value for a survey answer by its text alone: an answer that is one of our labels or values,
 * or begins with exactly one of our labels (the longest, so "Other professional (e.g. a social
 * worker)" is other-professional, not other). Undefined when it matches nothing.
 */
export function matchByLabel(answer: string, choices: readonly Choice[], yesNo = false): string | undefined {
  const key = answerKey(answer);
  if (key === '') return undefined;
  if (yesNo && YES_WORDS.has(key)) return 'yes';
  if (yesNo && NO_WORDS.has(key)) return 'no';
  const exact = choices.find((choice) => answerKey(choice.label) === key || choice.value === key);
  if (exact) return exact.value;
  const prefixes = choices
    .filter(
      (choice) =>
        key.startsWith(`${answerKey(choice.label)} `) || key.startsWith(`${answerKey(choice.label)},`),
    )
    .sort((a, b) => b.label.length - a.label.length);
  return prefixes[0]?.value;
}

/** Looks answers up: the mapping's own translations first, then our labels. */
export class AnswerTranslator {
  private readonly explicit = new Map<string, string>();

  constructor(translations: readonly AnswerTranslation[]) {
    for (const { field, answer, value } of translations)
      this.explicit.set(`${field}\u0000${answerKey(answer)}`, value);
  }

  /** Our value for the answer, and whether the mapping said so or the label matched. */
  translate(
    field: ImportField,
    answer: string,
    choices: readonly Choice[],
    yesNo: boolean,
  ): { value: string; by: 'mapping' | 'label' } | undefined {
    const mapped = this.explicit.get(`${field}\u0000${answerKey(answer)}`);
    if (mapped !== undefined) return { value: mapped, by: 'mapping' };
    const matched = matchByLabel(answer, choices, yesNo);
    return matched === undefined ? undefined : { value: matched, by: 'label' };
  }
}

/** A themes cell as Forms writes a multiple choice: answers separated by semicolons. */
export function splitMultipleChoice(cell: string): string[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
