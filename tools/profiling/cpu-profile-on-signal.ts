/**
 * Loaded with `node -r` into an app process when CPU_PROFILE_DIR is set (the benchmarks do this
 * for BENCH_CPU_PROF): the first SIGWINCH starts V8's sampling profiler, the next one stops it and
 * writes `<name>-<pid>-<n>.cpuprofile` into that directory (Chrome DevTools and speedscope open
 * it). Unlike `node --cpu-prof`, which writes only when the process exits by itself (an app
 * stopped with SIGTERM exits by the signal, so never writes), this profiles just the window the
 * benchmark measures, start-up left out. Without the setting it does nothing. SIGWINCH because
 * it is ignored by default (a process without this file is not harmed by it) and is not one of
 * the signals Nest's shutdown hooks close the app on (SIGUSR2 is: the worker would stop).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import path from 'node:path';

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const name = process.env.CPU_PROFILE_NAME ?? 'app';
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const start = async () => {
    await post('Profiler.enable');
    // 1 ms, as `node --cpu-prof` samples by default.
    await post('Profiler.setSamplingInterval', { interval: 1000 });
    await post('Profiler.start');
  };
  const stop = async () => {
    const { profile } = (await post('Profiler.stop')) as Profiler.StopReturnType;
    written += 1;
    const file = path.join(dir, `${name}-${process.pid}-${written}.cpuprofile`);
    // Written under another name first, so a reader polling for the file never sees half of it.
    writeFileSync(`${file}.part`, JSON.stringify(profile));
    renameSync(`${file}.part`, file);
  };
  process.on('SIGWINCH', () => {
    running = !running;
    (running ? start() : stop()).catch((error: unknown) => console.error('cpu profile:', error));
  });
}
