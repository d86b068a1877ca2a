/**
 * A group commit: one write in flight at a time; items that arrive meanwhile wait and go together
 * in the next write. Each `add` resolves once the write that carried its item succeeded, and is
 * rejected with that write's error otherwise. A lone item waits for nothing but its own write.
 * (DataLoader batches per tick instead, with several batches in flight: not what is wanted here.)
 */
export class GroupCommit<T> {
  private waiting: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
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
        let weight = this.weight(batch[0]!.item);
        while (this.waiting.length > 0 && weight + this.weight(this.waiting[0]!.item) <= this.maxWeight) {
          weight += this.weight(this.waiting[0]!.item);
          batch.push(this.waiting.shift()!);
        }
        try {
          await this.write(batch.map((w) => w.item));
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
