interface Waiting<T, R> {
  item: T;
  done: (result: R) => void;
  failed: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most items in one write (default 200). */
  maxBatch?: number;
  /**
   * `turn`: the first write after a quiet spell waits for the end of the event loop's turn, so the
   * items added by everything that turn runs go in it too. For a store that runs each statement
   * without yielding (the embedded PGlite), no write is ever in flight while others add, and
   * without this a batch never forms. `now` (the default): a lone item is written at once.
   */
  gather?: 'now' | 'turn';
}

/**
 * Group commit: items added while a write is in flight go together in the next write, so a burst
 * costs a few statements instead of one per item, and a lone item is written at once (no timer)
 * or at the end of this turn of the event loop (`gather: 'turn'`). `write` gets at most
 * `maxBatch` items and returns one result per item, in order.
 */
export class GroupCommit<T, R = void> {
  private readonly queue: Waiting<T, R>[] = [];
  private writing = false;

  private readonly maxBatch: number;
  private readonly gather: 'now' | 'turn';

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
    this.gather = options.gather ?? 'now';
  }

  add(item: T): Promise<R> {
    return new Promise((done, failed) => {
      this.queue.push({ item, done, failed });
      if (this.writing) return;
      this.writing = true;
      if (this.gather === 'turn') setImmediate(() => void this.flush());
      else void this.flush();
    });
  }

  private async flush(): Promise<void> {
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
