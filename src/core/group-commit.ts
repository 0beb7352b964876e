interface Waiting<T, R> {
  item: T;
  done: (result: R) => void;
  failed: (error: unknown) => void;
}

/**
 * Group commit: items added while a write is in flight go together in the next write, so a burst
 * costs a few statements instead of one per item, and a lone item is written at once (no timer).
 * `write` gets at most `maxBatch` items and returns one result per item, in order.
 */
export class GroupCommit<T, R = void> {
  private readonly queue: Waiting<T, R>[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 200,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((done, failed) => {
      this.queue.push({ item, done, failed });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((w) => w.item));
        for (const [i, w] of batch.entries()) w.done(results[i] as R);
      } catch (error) {
        for (const w of batch) w.failed(error);
      }
    }
    this.writing = false;
  }
}
