import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LocalServerKeys {
  /** LINK_KEYS: derives private links (manage links, testimony receipts). */
  linkKeys: string;
  /** TESTIMONY_KEYS: encrypts testimony at rest. */
  testimonyKeys: string;
}

/**
 * LINK_KEYS and TESTIMONY_KEYS for local use: each from the environment when set, otherwise
 * generated once and kept in `file` (like the local admin's password), so links in the mail
 * catcher keep working and stored testimony stays readable across restarts. Never printed.
 */
export async function localServerKeys(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LocalServerKeys> {
  const stored = await readStored(file);
  const keys: LocalServerKeys = {
    linkKeys: env.LINK_KEYS || stored.linkKeys || `local1:${randomBytes(32).toString('base64url')}`,
    testimonyKeys:
      env.TESTIMONY_KEYS || stored.testimonyKeys || `local1:${randomBytes(32).toString('base64')}`,
  };
  if (keys.linkKeys !== stored.linkKeys || keys.testimonyKeys !== stored.testimonyKeys) {
    // Only generated keys are kept: a key from the environment stays there.
    const toKeep = {
      linkKeys: env.LINK_KEYS ? stored.linkKeys : keys.linkKeys,
      testimonyKeys: env.TESTIMONY_KEYS ? stored.testimonyKeys : keys.testimonyKeys,
    };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(toKeep, null, 2)}\n`, { mode: 0o600 });
  }
  return keys;
}

async function readStored(file: string): Promise<Partial<LocalServerKeys>> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) return {};
  const pick = (key: keyof LocalServerKeys) => {
    const value = (parsed as Record<string, unknown>)[key];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  return { linkKeys: pick('linkKeys'), testimonyKeys: pick('testimonyKeys') };
}
