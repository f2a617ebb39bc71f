import { DomainError, type RuleBroken } from '@roundtable/platform';
import { validate, type ValidationError } from 'class-validator';
import { STATUS_OF_KIND } from '../../http/domain-error-status';
import type { FormErrors } from './form-errors';

/**
 * A library's refusal that a form can explain (bad input: 400; a clash or a state that forbids
 * the change: 409) with the rules it names, or undefined for anything else, which should stay
 * an error page.
 */
export interface FormRefusal {
  status: number;
  problems: readonly RuleBroken[];
  /** The first rule's message, for a page that shows one sentence rather than a form. */
  message: string;
}

export function formRefusal(error: unknown): FormRefusal | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error.kind !== 'invalid' && error.kind !== 'conflict') return undefined;
  return {
    status: STATUS_OF_KIND[error.kind],
    problems: error.problems,
    message: error.problems[0]!.message,
  };
}

/** A form's own words for a rule, put by the form's own field. */
export type SayInForm = (problem: RuleBroken, errors: FormErrors) => void;

export interface FormWording {
  /** By rule name; a rule without words here shows the service's message. */
  rules?: Readonly<Partial<Record<string, SayInForm>>>;
  /** The form's field for the API's (e.g. `postcode`); a problem with no field here goes in the summary. */
  fields?: Readonly<Partial<Record<string, string>>>;
}

/** Puts each rule broken on the form: in the form's words where it has them, else the service's. */
export function addProblems(
  errors: FormErrors,
  problems: readonly RuleBroken[],
  wording: FormWording = {},
): void {
  for (const problem of problems) {
    const say = wording.rules?.[problem.rule];
    if (say) say(problem, errors);
    else
      errors.add(
        problem.field === undefined ? undefined : wording.fields?.[problem.field],
        sentence(problem.message),
      );
  }
}

/**
 * Adds a refusal the form can explain to its errors and returns the status to answer with;
 * anything else is not the form's to explain and is thrown on to the error page.
 */
export function explainRefusal(error: unknown, errors: FormErrors, wording: FormWording = {}): number {
  const refusal = formRefusal(error);
  if (!refusal) throw error;
  addProblems(errors, refusal.problems, wording);
  return refusal.status;
}

/**
 * Runs a DTO's class-validator checks, the same ones the JSON API applies, and returns each failing
 * property with its message. Like the API, only the first-declared failing check per property
 * is kept: it says most plainly what is wrong.
 */
export async function dtoProblems(dto: object): Promise<Array<{ property: string; message: string }>> {
  const errors: ValidationError[] = await validate(dto, { forbidUnknownValues: false });
  return errors.map((error) => ({
    property: error.property,
    message: Object.values(error.constraints ?? {}).slice(-1)[0] ?? '',
  }));
}

/** Service messages start in lower case ("postcode must be…"); a page's sentences do not. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
