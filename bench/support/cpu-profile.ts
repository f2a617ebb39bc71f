import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';
import { fixed } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** "function file:line", or a package name, or "(garbage collector)". */
  name: string;
  ms: number;
  share: number;
}

/**
 * Where a V8 .cpuprofile spent its time by self time (time in the function itself, not what it
 * called): by function, and by package (node_modules/<name>, our own code as "app", Node's own as
 * "node"). Each sample's time is the gap to the next one, as DevTools counts it.
 */
export function selfTimes(file: string): { total: number; frames: SelfTime[]; packages: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    total += ms;
    const name = frame.url
      ? `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`
      : frame.functionName;
    frames.set(name, (frames.get(name) ?? 0) + ms);
    const pkg = packageOf(frame.url, frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  });
  const ranked = (map: Map<string, number>) =>
    [...map].map(([name, ms]) => ({ name, ms, share: total ? ms / total : 0 })).sort((a, b) => b.ms - a.ms);
  return { total, frames: ranked(frames), packages: ranked(packages) };
}

function shortUrl(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('node_modules/');
  if (modules >= 0) return file.slice(modules + 'node_modules/'.length);
  return path.relative(ROOT, file);
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 / native';
  if (url.startsWith('node:')) return 'node';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.slice(url.lastIndexOf('node_modules/')));
  return match ? match[1] : 'app';
}

/** Prints the top frames and packages by self time, for RESULTS.md. */
export function printSelfTimes(label: string, file: string, count = 15, messages?: number): void {
  const { total, frames, packages } = selfTimes(file);
  const per = messages ? `, ${fixed(total / messages, 2)} ms a message` : '';
  console.log(
    `\n${label}: CPU profile ${path.relative(ROOT, file)} (${fixed(total / 1000, 2)} s sampled${per})`,
  );
  console.log('  top frames by self time:');
  for (const frame of frames.slice(0, count)) {
    console.log(`    ${fixed(frame.share * 100)}%  ${fixed(frame.ms, 0)} ms  ${frame.name}`);
  }
  console.log('  by package:');
  for (const pkg of packages.slice(0, 12)) {
    console.log(`    ${fixed(pkg.share * 100)}%  ${fixed(pkg.ms, 0)} ms  ${pkg.name}`);
  }
}

// `node -r ts-node/register bench/support/cpu-profile.ts <file.cpuprofile> [messages]` summarises one.
if (require.main === module) {
  const [file, messages] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile.ts <file.cpuprofile> [messages]');
  printSelfTimes('profile', path.resolve(file), 25, messages ? Number(messages) : undefined);
}
