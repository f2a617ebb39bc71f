import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The api's templates and static files sit beside its source (apps/api/views, apps/api/public),
 * not in the compiled output, so find them from wherever this file runs: src under tests,
 * dist when built.
 */
function findApiRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'apps/api/views'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`apps/api/views not found above ${from}`);
    dir = parent;
  }
  return join(dir, 'apps/api');
}

const apiRoot = findApiRoot(__dirname);

export const VIEWS_DIR = join(apiRoot, 'views');
export const PUBLIC_DIR = join(apiRoot, 'public');
/** govuk-frontend's dist folder: its Nunjucks macros, compiled CSS and JS, fonts and images. */
export const GOVUK_DIST_DIR = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
