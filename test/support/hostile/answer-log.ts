import { appendFileSync } from 'node:fs';

/**
 * HOSTILE_LOG=<file> appends one line per request (route, input, answer) to that file: for
 * seeing what the suite sends and what comes back, not only what failed.
 */
export function logAnswer(line: string): void {
  const file = process.env.HOSTILE_LOG;
  if (file) appendFileSync(file, `${line.replace(/\s+/g, ' ')}\n`);
}
