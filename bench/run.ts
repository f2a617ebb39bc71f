import { invitationFanoutBenchmark } from './invitation-fanout';
import { registrationBurstBenchmark } from './registration-burst';
import { reminderTimelinessBenchmark } from './reminder-timeliness';
import { publicReadsBenchmark } from './public-reads';
import { describeMachine } from './support/machine';
import { testimonyReportBenchmark } from './testimony-report';
import { testimonyIntakeBenchmark } from './testimony-intake.bench';
import { testimonyImportBenchmark } from './testimony-import';
import { workerProcessesBenchmark } from './worker-processes';

/** `npm run bench` runs every benchmark in turn; `npm run bench -- <name> ...` only those named. */
const BENCHMARKS: Record<string, () => Promise<boolean>> = {
  'registration-burst': registrationBurstBenchmark,
  'reminder-timeliness': reminderTimelinessBenchmark,
  'invitation-fanout': invitationFanoutBenchmark,
  'testimony-report': testimonyReportBenchmark,
  'testimony-intake': testimonyIntakeBenchmark,
  'testimony-import': testimonyImportBenchmark,
  'public-reads': publicReadsBenchmark,
  'worker-processes': workerProcessesBenchmark,
};

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Choose from: ${Object.keys(BENCHMARKS).join(', ')}`,
    );
    return 2;
  }
  await describeMachine();
  let failed = 0;
  for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
    try {
      const passed = await BENCHMARKS[name]();
      console.log(`\n${name}: ${passed ? 'PASS' : 'FAIL'}`);
      if (!passed) failed += 1;
    } catch (error) {
      failed += 1;
      console.error(`\n${name}: could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
