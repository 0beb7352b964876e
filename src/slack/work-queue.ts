/**
 * Runs at most `concurrency` jobs at once; the rest wait their turn, in order. Slack needs every
 * request acked within 3 s, while the reply may come later through `response_url`: with the work
 * behind this queue, a burst of commands cannot fill the event loop with work that delays the
 * acks of the requests arriving next.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      // Start from the event loop's check phase: requests already waiting on sockets (and their
      // acks) are handled first in every turn, before this already-acked work takes the thread.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Jobs running and waiting (for metrics and tests). */
  get size(): number {
    return this.running + this.waiting.length;
  }
}
