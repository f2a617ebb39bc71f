import type { DateParts } from './forms/date-input';

/**
 * Small helpers the templates call to build GOV.UK component parameters. Nunjucks macros can
 * only return markup, so helpers that return data are registered as globals (see views.ts).
 */

/** The three boxes of a govukDateInput with their values, outlining only the wrong ones in red. */
export function dateItems(parts: DateParts | undefined, wrong: readonly string[] = []) {
  const item = (name: keyof DateParts, width: number) => ({
    name,
    classes: `govuk-input--width-${width}${wrong.includes(name) ? ' govuk-input--error' : ''}`,
    value: parts?.[name] ?? '',
  });
  return [item('day', 2), item('month', 2), item('year', 4)];
}

/**
 * Items for a govukSelect, govukRadios or govukCheckboxes from our `{ value, label }` lists (areas,
 * kinds, access features), optionally after a first choice such as "All areas".
 */
export function choiceItems(choices: ReadonlyArray<{ value: string; label: string }>, first?: string) {
  const items = choices.map((choice) => ({ value: choice.value, text: choice.label }));
  return first === undefined ? items : [{ value: '', text: first }, ...items];
}
