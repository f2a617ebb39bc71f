/**
 * The bind parameters of one plain SQL statement built from parts that different libraries own
 * (the events library's place-taking, the ledger's insert, a repository's own SQL): each part
 * adds its values here and writes the placeholder it is given, so the parts need not know each
 * other's numbering.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** `$n` for this value, n counting from 1 in the order values are added. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
