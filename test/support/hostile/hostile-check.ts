import fc from 'fast-check';
import ICAL from 'ical.js';
import { MARKUP_PAYLOADS } from './hostile-values';

/**
 * How long the suite runs: a fixed seed and a bounded number of runs per route in CI, more when
 * a developer asks (HOSTILE_RUNS=1000 HOSTILE_SEED=123 npm run test:int -- hostile-input).
 */
export interface HostileSettings {
  runs: number;
  seed: number;
  /** HOSTILE_SHRINK=1: look for the smallest failing input (slower: every step is a request). */
  shrink: boolean;
}

export function hostileSettings(defaultRuns: number): HostileSettings {
  const runs = Number(process.env.HOSTILE_RUNS ?? defaultRuns);
  const seed = Number(process.env.HOSTILE_SEED ?? 20_261_130);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error('HOSTILE_RUNS must be a whole number of runs, 1 or more');
  if (!Number.isInteger(seed)) throw new Error('HOSTILE_SEED must be a whole number');
  return { runs, seed, shrink: process.env.HOSTILE_SHRINK === '1' };
}

/** Each route's own seed, from the run's seed and the route's name: adding a route moves no other. */
export function routeSeed(seed: number, label: string): number {
  let hash = seed | 0;
  for (const char of label) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/**
 * Runs a route's known attacks (every one, so the report lists all that fail) and then its
 * random runs (until the first failure). Returns nothing when all held, or a report naming the
 * route, each problem, the input (readably shortened) and how to replay the random failure.
 */
export async function checkRoute<T>(
  settings: HostileSettings,
  label: string,
  arbitrary: fc.Arbitrary<T>,
  examples: T[],
  run: (input: T) => Promise<void>,
  describe: (input: T) => string,
): Promise<string | undefined> {
  const lines: string[] = [];
  for (const example of examples) {
    try {
      await run(example);
    } catch (error) {
      lines.push(`  problem: ${messageOf(error)}`, `    input: ${describe(example)}`);
    }
  }
  const seed = routeSeed(settings.seed, label);
  const details = await fc.check(
    fc.asyncProperty(arbitrary, (input) => run(input)),
    { seed, numRuns: settings.runs, endOnFailure: !settings.shrink },
  );
  if (details.failed) {
    const input = details.counterexample
      ? describe(details.counterexample[0])
      : '(the property could not run)';
    lines.push(
      `  problem: ${messageOf(details.errorInstance)}`,
      `    input: ${input}`,
      `    replay: HOSTILE_SEED=${settings.seed} (random run; this route's fast-check seed ${seed}, path "${details.counterexamplePath}")`,
    );
  }
  return lines.length > 0 ? [label, ...lines].join('\n') : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A route that refused everything, even its valid input, was not really tested: the suite's
 * valid body or world must be wrong for it. `exempt` lists the routes that cannot accept here,
 * each with the reason.
 */
export function unreachedRoutes(
  labels: readonly string[],
  accepted: ReadonlySet<string>,
  exempt: Readonly<Record<string, string>>,
): string[] {
  return labels
    .filter((label) => !accepted.has(label) && !(label in exempt))
    .map(
      (label) =>
        `${label}\n  problem: refused every input, even its valid one, so the suite never reached the code behind it: fix its valid fields or the seeded world`,
    );
}

/** Fails a test with every problem found, one to a line, as they are (not as a quoted string). */
export function failWith(heading: string, problems: readonly string[]): void {
  if (problems.length > 0) throw new Error(`${heading} (${problems.length}):\n\n${problems.join('\n\n')}`);
}

/** What an answer looked like, enough to judge it. */
export interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

/** What is wrong with any answer: a server error, or accepting what the rules say to refuse. */
export function answerProblems(answer: Answer, mustRefuse: string | undefined): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push('a server error');
  if (mustRefuse && answer.status < 400) problems.push(`accepted ${mustRefuse}, which the rules forbid`);
  return problems;
}

/** "422: {…}" with the answer's body shortened, for messages. */
export function describeAnswer(answer: Answer): string {
  const text = answer.text.replace(/\s+/g, ' ');
  return `${answer.status} ${answer.contentType.split(';')[0]}: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}

/** API.md's error shape: statusCode, error, and a message that says what to fix. */
export function errorShapeProblem(answer: Answer): string | undefined {
  const body = answer.body as { statusCode?: unknown; error?: unknown; message?: unknown } | undefined;
  if (!answer.contentType.startsWith('application/json') || !body || typeof body !== 'object')
    return "a refusal that is not JSON in API.md's error shape";
  if (body.statusCode !== answer.status)
    return `statusCode ${String(body.statusCode)} in a ${answer.status} answer`;
  if (typeof body.error !== 'string' || body.error === '') return 'a refusal without its "error" name';
  const messages = Array.isArray(body.message) ? body.message : [body.message];
  if (messages.length === 0 || messages.some((line) => typeof line !== 'string' || line.trim() === ''))
    return 'a refusal without a message that says what to fix';
  return undefined;
}

/** Markup the suite sent that comes back verbatim in HTML, and links that would run script. */
export function markupProblems(html: string): string[] {
  const problems = MARKUP_PAYLOADS.filter((payload) => html.includes(payload)).map(
    (payload) => `unescaped ${payload}`,
  );
  if (/href\s*=\s*["']?\s*javascript:/i.test(html)) problems.push('a javascript: link');
  return problems;
}

/**
 * A calendar file as a calendar reads it (ical.js, not the code that wrote it): one VCALENDAR
 * holding exactly `expectedEvents` VEVENTs.
 */
export function calendarProblems(text: string, expectedEvents = 1): string[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    return [`a calendar ical.js cannot parse (${(error as Error).message})`];
  }
  const components = Array.isArray((parsed as unknown[])[0])
    ? (parsed as unknown[][])
    : [parsed as unknown[]];
  if (components.length !== 1)
    return [
      `${components.length} top-level components (${components.map((component) => String(component[0]).toUpperCase()).join(', ')}) where there should be one VCALENDAR`,
    ];
  const calendar = new ICAL.Component(components[0] as unknown[]);
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length !== expectedEvents)
    return [
      `${events.length} VEVENTs where there should be ${expectedEvents}: ${events.map((event) => String(event.getFirstPropertyValue('summary'))).join(' | ')}`,
    ];
  return [];
}

/**
 * How many times a route's valid input (its first known attack, the one it must accept) is sent
 * once it has been accepted: the random runs draw it again now and then, and each send of it
 * spends a world and proves nothing the first ones did not. Every hostile input is still sent.
 */
export const VALID_INPUT_ACCEPTANCES = 2;

/** Counts each route's acceptances of its valid input, to skip the sends beyond the ones needed. */
export class ValidInputRepeats<T> {
  private readonly acceptances = new Map<string, number>();

  constructor(private readonly validInputs: ReadonlyMap<string, T>) {}

  /** Whether `input` is the route's valid input, already accepted often enough. */
  enough(label: string, input: T): boolean {
    return (this.acceptances.get(label) ?? 0) >= VALID_INPUT_ACCEPTANCES && this.isValidInput(label, input);
  }

  /** Notes an accepted input (counted only if it is the route's valid one). */
  accepted(label: string, input: T): void {
    if (this.isValidInput(label, input)) this.acceptances.set(label, (this.acceptances.get(label) ?? 0) + 1);
  }

  private isValidInput(label: string, input: T): boolean {
    const valid = this.validInputs.get(label);
    // As JSON: unset properties drop out, and an input made in another realm still compares.
    return valid !== undefined && JSON.stringify(input) === JSON.stringify(valid);
  }
}
