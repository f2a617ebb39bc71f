/**
 * Group commit for one kind of statement: the first call runs at once; calls made while a
 * statement is in flight wait for it and then run together as the next one. Nothing waits on a
 * timer, so a lone call is as quick as before, and under load (the worker sends several messages
 * at once) several rows share one round trip: each statement is a system call on each side and,
 * for an UPDATE, a commit. `run` gets the waiting items in the order they came and answers one
 * result for each, in the same order; if it throws, every call of that batch rejects with it.
 */
export class StatementBatcher<Item, Result> {
  private waiting: Array<{ item: Item; resolve(result: Result): void; reject(error: unknown): void }> = [];
  private inFlight = false;

  constructor(
    private readonly run: (items: Item[]) => Promise<Result[]>,
    /** Most items one statement takes; the rest go in the next. */
    private readonly maxBatch = 100,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.inFlight) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.inFlight = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i]));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.inFlight = false;
  }
}
