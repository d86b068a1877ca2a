import { GroupCommit } from '../src/group-commit.js';

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
    const commit = new GroupCommit<number>(async (items) => void writes.push(items), 5, (n) => n);
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
