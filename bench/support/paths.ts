import path from 'node:path';

/** The repository root (bench/support is two levels down). */
export const ROOT = path.resolve(__dirname, '../..');
