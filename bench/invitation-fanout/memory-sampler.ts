import type { ChildApp } from '../support/processes';

/** Polls a process's resident memory and keeps the highest seen (VmHWM is read at the end too). */
export class MemorySampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly child: ChildApp,
    everyMs = 250,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** Stops polling; returns the highest RSS polled and the kernel's own peak (VmHWM), in MiB. */
  stop(): { polledPeakMiB: number; hwmMiB: number } {
    clearInterval(this.timer);
    this.sample();
    return { polledPeakMiB: this.peak, hwmMiB: this.child.memory().peakMiB };
  }

  private sample(): void {
    if (!this.child.running) return;
    this.peak = Math.max(this.peak, this.child.memory().nowMiB);
  }
}
