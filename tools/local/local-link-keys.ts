import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * LINK_KEYS for local use: from the environment when set, otherwise generated once and kept in
 * `file` (like the local admin's password), so manage links in the mail catcher keep working
 * across restarts. Never printed.
 */
export async function localLinkKeys(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.LINK_KEYS) return env.LINK_KEYS;
  const stored = await readFile(file, 'utf8').catch(() => undefined);
  if (stored !== undefined) {
    const parsed: unknown = JSON.parse(stored);
    const keys =
      typeof parsed === 'object' && parsed !== null && 'linkKeys' in parsed ? parsed.linkKeys : undefined;
    if (typeof keys === 'string' && keys.length > 0) return keys;
  }
  const linkKeys = `local1:${randomBytes(32).toString('base64url')}`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ linkKeys }, null, 2)}\n`, { mode: 0o600 });
  return linkKeys;
}
