import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The HTTP contract lives in shared/API.md, beside the clone (../shared in CI, /work/shared here),
 * not inside it: look for it above this file, and say plainly where we looked when it is absent.
 */
export function findApiContract(from: string = __dirname): string {
  const looked: string[] = [];
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'API.md');
    looked.push(candidate);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    `API.md, the HTTP contract, was not found: it is expected at shared/API.md beside the clone. Looked at:\n${looked.join('\n')}`,
  );
}

const METHODS = /^((?:GET|POST|PUT|PATCH|DELETE)(?:\/(?:GET|POST|PUT|PATCH|DELETE))*)\s+(\/\S*)$/;

/**
 * Every route API.md names, as "METHOD /path/{}" (path parameters written `{}`, whatever their
 * name, so they compare with OpenAPI's). A table's first cell lists routes separated by `,`, `;`
 * or `or`, with bodies and queries in backticks and notes in brackets; "GET/POST /a" is two routes,
 * and a bare "/b" after a route is its sibling with the same methods ("…/:id/accept or /decline").
 */
export function routesInApiContract(markdown: string): string[] {
  const routes = new Set<string>();
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    const firstCell = line.split('|')[1].trim();
    const cleaned = firstCell.replace(/`[^`]*`/g, '').replace(/\([^)]*\)/g, '');
    let previous: { methods: string[]; path: string } | undefined;
    for (const piece of cleaned.split(/,|;|\bor\b/).map((part) => part.trim())) {
      const full = METHODS.exec(piece);
      if (full) {
        previous = { methods: full[1].split('/'), path: full[2] };
      } else if (previous && /^\/[\w.-]+$/.test(piece)) {
        previous = { ...previous, path: previous.path.replace(/\/[^/]+$/, piece) };
      } else {
        continue;
      }
      for (const method of previous.methods) routes.add(`${method} ${normalisePath(previous.path)}`);
    }
  }
  return [...routes].sort();
}

/** `/a/:id` and `/a/{id}` both become `/a/{}`. */
export function normalisePath(path: string): string {
  return path.replace(/:[A-Za-z]\w*/g, '{}').replace(/\{[^}]*\}/g, '{}');
}

export function readApiContractRoutes(): string[] {
  return routesInApiContract(readFileSync(findApiContract(), 'utf8'));
}
