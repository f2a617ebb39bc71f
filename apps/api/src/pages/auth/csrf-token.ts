import type { Request } from 'express';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE } from './page-cookies';

/** The hidden form field that must repeat the CSRF cookie. */
export const CSRF_FIELD = '_csrf';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{32,100}$/;

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The browser's CSRF cookie, if it sent a well-formed one. */
export function csrfCookie(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[CSRF_COOKIE];
  return typeof value === 'string' && TOKEN_FORMAT.test(value) ? value : undefined;
}

/**
 * Double-submit check: a cross-site form can make the browser send our cookie, but cannot read it
 * to put the same value in the form. Compared through hashes so the comparison takes the same
 * time whatever the lengths and contents.
 */
export function csrfTokensMatch(cookie: string | undefined, field: unknown): boolean {
  if (!cookie || typeof field !== 'string' || !TOKEN_FORMAT.test(field)) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(cookie), digest(field));
}
