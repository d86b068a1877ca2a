/* eslint-disable @typescript-eslint/require-await -- the writes here stand for the database's, which answer
   with a promise: written `async`, a throw in one rejects it as a failed INSERT would. */
import { GroupCommit } from '../../src/group-commit.js';

describe('a group commit', () => {
  it('writes a lone item at once, and what arrives during a write together in the next one', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const commit = new GroupCommit<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 100);
    const first = commit.add(1);
    const later = [commit.add(2), commit.add(3), commit.add(4)];
    expect(writes).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    expect(commit.idle).toBe(true);
  });

  it('keeps each batch within its weight, a heavier item going alone', async () => {
    const writes: number[][] = [];
    const commit = new GroupCommit<number>(
      async (items) => void writes.push(items),
      5,
      (n) => n,
    );
    await Promise.all([commit.add(2), commit.add(3), commit.add(9), commit.add(1), commit.add(4), commit.add(1)]);
    expect(writes).toEqual([[2], [3], [9], [1, 4], [1]]);
  });

  it('refuses every item of a failed write, and only those', async () => {
    const commit = new GroupCommit<string>(async (items) => {
      if (items.includes('bad')) throw new Error('write failed');
    }, 10);
    const outcomes = await Promise.allSettled([commit.add('ok'), commit.add('bad'), commit.add('also in the failed write')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    await expect(commit.add('after')).resolves.toBeUndefined();
  });
});

describe('a group commit that isolates failures', () => {
  const isolating = (writes: string[][], error = new Error('row cannot be stored')) =>
    new GroupCommit<string>(
      async (items) => {
        writes.push(items);
        if (items.some((i) => i.startsWith('bad'))) throw error;
      },
      100,
      undefined,
      { isolateFailures: (e) => e === error },
    );

  it('rejects only the items that fail alone, each with its own error, the others written', async () => {
    const writes: string[][] = [];
    const commit = isolating(writes);
    const items = ['a', 'b', 'bad1', 'c', 'd', 'e', 'bad2', 'f'];
    const outcomes = await Promise.allSettled(items.map((i) => commit.add(i)));
    expect(outcomes.map((o) => o.status)).toEqual(items.map((i) => (i.startsWith('bad') ? 'rejected' : 'fulfilled')));
    const written = writes
      .filter((w) => !w.some((i) => i.startsWith('bad')))
      .flat()
      .sort();
    expect(written).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // Halving: far fewer writes than one per item would take once a batch is large.
    expect(writes.length).toBeLessThanOrEqual(1 + 2 * 2 * Math.log2(8));
  });

  it('takes one bad item out of 500 in a handful of writes', async () => {
    const writes: string[][] = [];
    const commit = new GroupCommit<string>(
      async (items) => {
        writes.push(items);
        if (items.includes('bad')) throw new Error('row');
      },
      1000,
      undefined,
      { isolateFailures: () => true },
    );
    const items = Array.from({ length: 500 }, (_, i) => (i === 321 ? 'bad' : `ok${i}`));
    // The first goes alone; the 500 that arrive during its write go together, and fail together.
    const outcomes = await Promise.allSettled([commit.add('first'), ...items.map((i) => commit.add(i))]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    expect(writes.length).toBeLessThanOrEqual(2 + 2 * Math.ceil(Math.log2(500)));
  });

  it("rejects the whole batch at once on an error that is no item's fault", async () => {
    const writes: string[][] = [];
    const outage = new Error('database unreachable');
    const commit = new GroupCommit<string>(
      async (items) => {
        writes.push(items);
        if (writes.length > 1) throw outage;
      },
      100,
      undefined,
      { isolateFailures: (e) => e !== outage },
    );
    const first = commit.add('first');
    const outcomes = await Promise.allSettled([first, commit.add('x'), commit.add('y'), commit.add('z')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    expect(writes).toEqual([['first'], ['x', 'y', 'z']]);
  });
});
