/**
 * What a library says when it refuses: which rule, about which input field, with what facts, and
 * a message (for API clients) that says what to fix. No HTTP here: the API's exception filter
 * turns the kind into a status, and the pages' adapter puts the error by its field on a form.
 */
export type DomainErrorKind = 'invalid' | 'unauthorised' | 'forbidden' | 'not-found' | 'conflict' | 'gone';

/** One rule broken. `field` is the API's name for the input (e.g. `endsAt`), when there is one. */
export interface RuleBroken {
  readonly rule: string;
  readonly message: string;
  readonly field?: string;
  /** The facts the rule was broken with (ids, limits), so a page can say it in its own words. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export function ruleBroken(
  rule: string,
  message: string,
  field?: string,
  data?: Readonly<Record<string, unknown>>,
): RuleBroken {
  return { rule, message, ...(field !== undefined && { field }), ...(data !== undefined && { data }) };
}

export class DomainError extends Error implements RuleBroken {
  readonly field?: string;
  readonly data?: Readonly<Record<string, unknown>>;

  constructor(
    readonly kind: DomainErrorKind,
    readonly rule: string,
    message: string,
    details: { field?: string; data?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message);
    this.name = new.target.name;
    if (details.field !== undefined) this.field = details.field;
    if (details.data !== undefined) this.data = details.data;
  }

  /** Every rule this error names: just itself, except for bad input, which lists each problem. */
  get problems(): readonly RuleBroken[] {
    return [this];
  }

  /** API.md's `message`: one sentence, or a list when the input had several problems. */
  get apiMessage(): string | string[] {
    return this.message;
  }
}

/**
 * The base of a refusal that carries no facts and always says the same thing, so each such error
 * is one line yet still a class of its own: it keeps its name, and callers catch it by type.
 * `export class EventAlreadyCancelled extends FixedRefusal('conflict', 'cancel-once', '…') {}`
 */
export function FixedRefusal(
  kind: DomainErrorKind,
  rule: string,
  message: string,
  details: { field?: string } = {},
) {
  return class extends DomainError {
    constructor() {
      super(kind, rule, message, details);
    }
  };
}

/**
 * Input that breaks one or more rules, all reported at once so nothing is left for a second
 * attempt. The API lists every message, as it does for a DTO's validation errors.
 */
export class InvalidInput extends DomainError {
  constructor(readonly rulesBroken: readonly RuleBroken[]) {
    super('invalid', 'invalid-input', rulesBroken.map((problem) => problem.message).join('; '));
  }

  override get problems(): readonly RuleBroken[] {
    return this.rulesBroken;
  }

  override get apiMessage(): string[] {
    return this.rulesBroken.map((problem) => problem.message);
  }
}

/** Throws InvalidInput naming every problem, or does nothing when there are none. */
export function assertNoProblems(problems: readonly RuleBroken[]): void {
  if (problems.length > 0) throw new InvalidInput(problems);
}
