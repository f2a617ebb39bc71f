/**
 * A start-up problem the person at the keyboard can fix. The start script prints the message and
 * the hint without a stack trace, because the trace would bury the one line that says what to do.
 */
export class SetupError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SetupError';
  }
}
