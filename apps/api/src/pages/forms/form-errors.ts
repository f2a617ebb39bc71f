/** One problem with a form: the field it belongs to (if any) and what to do about it. */
export interface FormError {
  field?: string;
  text: string;
}

/** What the templates need for the GOV.UK error pattern: a summary at the top, a message by each field. */
export interface FormErrorsView {
  /** For govukErrorSummary: each message links to the field it is about. */
  errorList: Array<{ text: string; href?: string }>;
  /** For each field's `errorMessage`. */
  errors: Record<string, { text: string }>;
  /** Which parts of a date input are wrong (e.g. `date: ['month']`), to outline only those boxes. */
  dateParts: Record<string, string[]>;
}

/**
 * Collects a form's problems in page order, one per field (the first found is what to fix
 * first), so the summary and the messages by the fields always agree.
 */
export class FormErrors {
  private readonly list: FormError[] = [];
  private readonly parts: Record<string, string[]> = {};

  add(field: string | undefined, text: string): this {
    if (field !== undefined && this.has(field)) return this;
    if (field === undefined && this.list.some((error) => error.field === undefined && error.text === text))
      return this;
    this.list.push({ field, text });
    return this;
  }

  /** A problem with some of a date input's boxes; the summary links to the first of them. */
  addDate(field: string, text: string, parts: string[]): this {
    if (this.has(field)) return this;
    this.parts[field] = parts;
    return this.add(field, text);
  }

  has(field: string): boolean {
    return this.list.some((error) => error.field === field);
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /**
   * `order` lists the form's fields top to bottom; the summary follows it, so the first link
   * goes to the first thing on the page to fix.
   */
  toView(order: readonly string[]): FormErrorsView {
    const position = (error: FormError) => (error.field === undefined ? -1 : order.indexOf(error.field));
    const sorted = [...this.list].sort((a, b) => position(a) - position(b));
    return {
      errorList: sorted.map((error) => ({
        text: error.text,
        href: error.field ? `#${this.anchor(error.field)}` : undefined,
      })),
      errors: Object.fromEntries(
        sorted.filter((error) => error.field).map((error) => [error.field, { text: error.text }]),
      ),
      dateParts: { ...this.parts },
    };
  }

  private anchor(field: string): string {
    const parts = this.parts[field];
    return parts ? `${field}-${parts[0] ?? 'day'}` : field;
  }
}

export const NO_ERRORS: FormErrorsView = { errorList: [], errors: {}, dateParts: {} };
