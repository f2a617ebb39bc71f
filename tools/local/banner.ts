import type { AdminCredentials } from './local-admin';

export interface BannerInfo {
  publicUrl: string;
  admin: AdminCredentials;
  /** Where the admin password is kept, when it was generated rather than given. */
  adminFile: string;
  /** The mail catcher's web page, when we started one. */
  mailWebUrl?: string;
  postgres: string;
  redis: string;
  mail: string;
}

/** What a person needs after `npm start`: where to click and how to sign in. */
export function formatBanner(info: BannerInfo): string {
  const url = (pathname: string) => new URL(pathname, info.publicUrl).toString();
  const password = info.admin.fromEnvironment
    ? '(as set in ADMIN_PASSWORD)'
    : `${info.admin.password}   (kept in ${info.adminFile})`;
  const rows: Array<[string, string]> = [
    ['Public events', url('/events')],
    ['Staff sign-in', url('/sign-in')],
    ['', `email     ${info.admin.email}`],
    ['', `password  ${password}`],
    ['API docs', url('/docs')],
    ['Health', url('/health')],
    ['Mail catcher', info.mailWebUrl ?? 'not started (SMTP_URL is set)'],
  ];
  const services: Array<[string, string]> = [
    ['Postgres', info.postgres],
    ['Redis', info.redis],
    ['Mail', info.mail],
  ];
  const line = ([label, value]: [string, string], width: number) => `  ${label.padEnd(width)}${value}`;
  return [
    '',
    '  Roundtable is running. Press Ctrl-C to stop.',
    '',
    ...rows.map((row) => line(row, 16)),
    '',
    ...services.map((row) => line(row, 10)),
    '',
  ].join('\n');
}

/**
 * A connection URL fit to print: the password replaced by ***. (Request paths in logs go through
 * redactUrl in libs/platform, which drops tokens and query strings: a different job.)
 */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
