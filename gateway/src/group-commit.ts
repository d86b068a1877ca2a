/**
 * A group commit: one write in flight at a time; items that arrive meanwhile wait and go together
 * in the next write. Each `add` resolves once the write that carried its item succeeded, and is
 * rejected with that write's error otherwise. A lone item waits for nothing but its own write.
 * (DataLoader batches per tick instead, with several batches in flight: not what is wanted here.)
 *
 * With `isolateFailures`, a failed batch whose error may be one item's fault (a row the database
 * cannot store) is split in halves and each half written again, down to single items: only the
 * items that fail alone are rejected, each with its own error, in about 2·log2(n) extra writes per
 * bad item rather than n. Errors that say nothing about an item (the database unreachable) still
 * reject the whole batch at once, so an outage does not multiply the writes.
 */
export class GroupCommit<T> {
  private waiting: Waiting<T>[] = [];
  private writing = false;

  /**
   * @param write writes the items of one batch, all or nothing
   * @param maxWeight a batch's weight at most (a single heavier item still goes, alone)
   * @param weight an item's weight (default 1)
   */
  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxWeight: number,
    private readonly weight: (item: T) => number = () => 1,
    private readonly options: { isolateFailures?: (error: unknown) => boolean } = {},
  ) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Nothing waiting and nothing being written. */
  get idle(): boolean {
    return !this.writing && this.waiting.length === 0;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = [this.waiting.shift()!];
        let weight = this.weight(batch[0].item);
        while (this.waiting.length > 0 && weight + this.weight(this.waiting[0].item) <= this.maxWeight) {
          weight += this.weight(this.waiting[0].item);
          batch.push(this.waiting.shift()!);
        }
        await this.writeSettling(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  /** Writes a batch and settles each of its items: resolved if written, rejected otherwise. */
  private async writeSettling(batch: Waiting<T>[]): Promise<void> {
    try {
      await this.write(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length > 1 && this.options.isolateFailures?.(error)) {
        const half = Math.ceil(batch.length / 2);
        await this.writeSettling(batch.slice(0, half));
        await this.writeSettling(batch.slice(half));
      } else {
        for (const w of batch) w.reject(error);
      }
    }
  }
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}
