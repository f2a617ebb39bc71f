import path from 'node:path';

/**
 * How a test's child process runs TypeScript: ts-node transpiling only, with SWC (tsconfig.json's
 * "ts-node": { "swc": true }; ts-node 10 reads no TS_NODE_SWC variable). Types are checked once,
 * by `npm run typecheck`. With TypeScript's own transpiler every child process spent about 13 s
 * of CPU compiling the app before it could start (measured 2026-12-01 on the 2-core machine with
 * tests running beside it: the api's modules took 16.8 s to load, 4.0 s with SWC), and several
 * test files start one or more.
 */
export const TS_NODE_ENV: Record<string, string> = {
  TS_NODE_TRANSPILE_ONLY: 'true',
  TS_NODE_PROJECT: path.resolve(__dirname, '../../tsconfig.json'),
};
