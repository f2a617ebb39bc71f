import { QueryFailedError } from 'typeorm';

function postgresCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

/** A UNIQUE constraint refused the write (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown): boolean => postgresCode(error) === '23505';

/** An EXCLUDE constraint refused the write (SQLSTATE 23P01), e.g. two events overlapping at one venue. */
export const isExclusionViolation = (error: unknown): boolean => postgresCode(error) === '23P01';

/**
 * No function of that name takes those arguments (SQLSTATE 42883): a migration that makes it has
 * not run. Only when the missing function is the one named: a function body's own missing
 * operator or function has the same code, and is a defect.
 */
export const isUndefinedFunction = (error: unknown, name: string): boolean =>
  postgresCode(error) === '42883' &&
  ((error as QueryFailedError).driverError as { message?: string }).message?.startsWith(
    `function ${name}(`,
  ) === true;

/** Node's codes for a connection refused, cut, or never answered. */
const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that mean the server, not the statement, is the trouble: class 08 (connection
 * exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now: starting up or
 * shutting down) and 53300 (too many connections).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/**
 * node-postgres reports a dropped connection and a pool wait that ran out with plain Errors that
 * carry no code, so for these alone the message is all there is to go on.
 */
const CODELESS_CONNECTION_MESSAGES = [
  /^Connection terminated/, // "Connection terminated unexpectedly", "... due to connection timeout"
  /^timeout expired$/, // pg Client: connecting took longer than its connectionTimeoutMillis
  /^timeout exceeded when trying to connect$/, // pg-pool: no client within connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable$/,
];

/**
 * True when Postgres could not be reached or went away mid-request: the request may succeed if
 * tried again in a few seconds (a 503), rather than being wrong (a 4xx) or a defect (a 500).
 * TypeORM wraps errors from a query in QueryFailedError and passes connection errors through.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  // Read as a plain object, not through `instanceof Error`: socket errors are made by Node's own
  // modules, whose Error is another realm's under a test runner's sandbox.
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return UNREACHABLE_SOCKET_CODES.has(code) || isUnavailableSqlState(code);
  return typeof message === 'string' && CODELESS_CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}
