// @ts-check
// Plain CommonJS: jest loads a test sequencer itself, without the TypeScript transform.
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Jest runs the slowest files first when it has timings from an earlier run, so no worker sits
 * idle at the end while one long file finishes. A clean clone (CI) has none, and jest falls back
 * to file size, which put the hostile-input suites and the every-page browser check (minutes
 * each) wherever their size landed. Without timings this orders by what each kind of file is
 * known to cost: those long files, then the browser tests, then integration, then unit tests.
 */
const KNOWN_LONG = [/hostile-input\//, /pages-at-phone-width\.e2e-spec\.ts$/];

/** @param {import('@jest/test-result').Test} test */
function expectedCost(test) {
  if (KNOWN_LONG.some((pattern) => pattern.test(test.path))) return 3;
  if (test.path.endsWith('.e2e-spec.ts')) return 2;
  if (test.path.endsWith('.int-spec.ts')) return 1;
  return 0;
}

class SlowestFirstSequencer extends Sequencer {
  /** @param {Array<import('@jest/test-result').Test>} tests */
  sort(tests) {
    const sorted = /** @type {Array<import('@jest/test-result').Test>} */ (super.sort(tests));
    // Jest's own order stands when every file has a timing from an earlier run.
    if (sorted.every((test) => test.duration != null)) return sorted;
    // Stable: within a kind, jest's order (timings, then size) is kept.
    return sorted
      .map((test, index) => ({ test, index }))
      .sort((a, b) => expectedCost(b.test) - expectedCost(a.test) || a.index - b.index)
      .map(({ test }) => test);
  }
}

module.exports = SlowestFirstSequencer;
