export async function reminderTimelinessBenchmark(): Promise<boolean> {
  return false;
}
