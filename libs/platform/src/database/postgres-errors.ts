import { QueryFailedError } from 'typeorm';

function postgresCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

/** A UNIQUE constraint refused the write (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown): boolean => postgresCode(error) === '23505';

/** An EXCLUDE constraint refused the write (SQLSTATE 23P01), e.g. two events overlapping at one venue. */
export const isExclusionViolation = (error: unknown): boolean => postgresCode(error) === '23P01';
