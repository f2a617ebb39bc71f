/**
 * The V8 heap settings the api and the worker run with: the Docker image's NODE_OPTIONS, `npm
 * start` and the benchmarks all use these (a NODE_OPTIONS already set wins).
 *
 * Why: left to its defaults on a large machine, V8 lets the old generation grow to about four
 * times what is live before it collects, and a crowd's garbage (the public pages at 1,000 req/s,
 * a 10,000-invitation fan-out) took the api to 290-340 MiB and the worker to 210-270 MiB with
 * 45-55 MiB live. A ceiling on the old generation makes V8 grow it by less and collect sooner;
 * smaller semi-spaces keep the young generation (three of them) to 12 MiB. bench/RESULTS.md has
 * the figures before and after, and the cost in CPU. 512 MiB is several times the largest heap
 * the heaviest request needs (a 10,000-row survey import, the evidence report as .docx; the
 * testimony-import and testimony-report benchmarks run under these settings).
 */
export const APP_NODE_OPTIONS = '--max-old-space-size=512 --max-semi-space-size=4';

/** NODE_OPTIONS for a child api or worker: whatever the operator set, else ours. */
export function appNodeOptions(environment: NodeJS.ProcessEnv = process.env): string {
  return environment.NODE_OPTIONS?.trim() || APP_NODE_OPTIONS;
}
