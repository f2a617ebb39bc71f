import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AdminCredentials {
  email: string;
  password: string;
  /** True when the password came from ADMIN_PASSWORD rather than the local file. */
  fromEnvironment: boolean;
}

export const LOCAL_ADMIN_EMAIL = 'admin@roundtable.local';

/**
 * The first staff account for local use. The api creates it at boot from ADMIN_EMAIL and
 * ADMIN_PASSWORD; when those are not set, the password is generated once and kept in `file` so
 * the same sign-in keeps working across restarts (and no shared default password exists).
 */
export async function localAdminCredentials(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AdminCredentials> {
  const email = env.ADMIN_EMAIL ?? LOCAL_ADMIN_EMAIL;
  if (env.ADMIN_PASSWORD) return { email, password: env.ADMIN_PASSWORD, fromEnvironment: true };
  const stored = await readStoredPassword(file);
  if (stored) return { email, password: stored, fromEnvironment: false };
  const password = randomBytes(18).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ email, password }, null, 2)}\n`, { mode: 0o600 });
  return { email, password, fromEnvironment: false };
}

async function readStoredPassword(file: string): Promise<string | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const parsed: unknown = JSON.parse(text);
  const password =
    typeof parsed === 'object' && parsed !== null && 'password' in parsed ? parsed.password : undefined;
  return typeof password === 'string' && password.length > 0 ? password : undefined;
}
