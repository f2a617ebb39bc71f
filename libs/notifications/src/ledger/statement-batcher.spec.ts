import { StatementBatcher } from './statement-batcher';

describe('StatementBatcher', () => {
  it('runs a lone call at once, and gathers the calls made while it is in flight into the next', async () => {
    const runs: number[][] = [];
    const batcher = new StatementBatcher(async (items: number[]) => {
      runs.push(items);
      await Promise.resolve();
      return items.map((item) => item * 10);
    });
    const first = batcher.submit(1);
    const rest = [batcher.submit(2), batcher.submit(3), batcher.submit(4)];
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
    expect(await batcher.submit(5)).toBe(50);
    expect(runs).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('rejects every call of a batch that failed, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new StatementBatcher(async (items: string[]) => {
      calls += 1;
      if (calls === 2) throw new Error('connection lost');
      return items;
    });
    const first = batcher.submit('a');
    const failed = [batcher.submit('b'), batcher.submit('c')];
    await expect(first).resolves.toBe('a');
    for (const call of failed) await expect(call).rejects.toThrow('connection lost');
    await expect(batcher.submit('d')).resolves.toBe('d');
  });

  it('takes at most maxBatch items a statement', async () => {
    const sizes: number[] = [];
    const batcher = new StatementBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5, 6].map((item) => batcher.submit(item)));
    expect(sizes).toEqual([1, 2, 2, 1]);
  });
});
