export async function invitationFanoutBenchmark(): Promise<boolean> {
  return false;
}
