import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up to package.json. The same code runs compiled from
 * dist/tools/local (npm start) and from source through SWC (jest globalSetup), so a fixed number
 * of `..` would be right for only one of them.
 */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** Local state (embedded Postgres data, generated admin password) lives in .data, which git ignores. */
export function dataPath(...parts: string[]): string {
  return path.join(repoRoot(), '.data', ...parts);
}

/** A path as the user would type it from the repository root, for messages. */
export function displayPath(absolute: string): string {
  const relative = path.relative(repoRoot(), absolute);
  return relative.startsWith('..') ? absolute : relative;
}
