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
  /**
   * Least time from one write's start to the next (default 0). A write wanted sooner waits for
   * the rest of it, gathering what arrives meanwhile: under load the statements stay at most one
   * per `spacingMs` however many items come, while an item after a quiet spell (longer than this
   * since the last write) is written as soon as `gather` says. PGlite costs about the same per
   * statement for one row as for ten, so under load this is most of what its writes cost.
   */
  spacingMs?: number;
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
  private lastWriteAt = Number.NEGATIVE_INFINITY;

  private readonly maxBatch: number;
  private readonly gather: 'now' | 'turn';
  private readonly spacingMs: number;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
    this.gather = options.gather ?? 'now';
    this.spacingMs = options.spacingMs ?? 0;
  }

  add(item: T): Promise<R> {
    return new Promise((done, failed) => {
      this.queue.push({ item, done, failed });
      if (this.writing) return;
      this.writing = true;
      const wait = this.untilSpaced();
      if (wait > 0) setTimeout(() => void this.flush(), wait);
      else if (this.gather === 'turn') setImmediate(() => void this.flush());
      else void this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const wait = this.untilSpaced();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastWriteAt = performance.now();
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

  private untilSpaced(): number {
    return this.spacingMs === 0 ? 0 : this.lastWriteAt + this.spacingMs - performance.now();
  }
}
