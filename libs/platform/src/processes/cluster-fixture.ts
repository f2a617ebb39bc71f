import http from 'node:http';
import { runInProcesses } from './process-cluster';

/**
 * A stand-in app for process-cluster.int-spec: answers its pid on the shared PORT, or, with
 * FIXTURE_FAIL set, fails to start as an app with bad settings would.
 */
runInProcesses('fixture', Number(process.env.FIXTURE_PROCESSES), async () => {
  if (process.env.FIXTURE_FAIL) throw new Error('fixture refused to start');
  const server = http.createServer((_req, res) => res.end(String(process.pid)));
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  console.error(`fixture ${process.pid} listening`);
});
