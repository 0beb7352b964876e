/**
 * Runs at most `concurrency` jobs at once; the rest wait their turn, in order. Commands arrive
 * already acked (by the ingress thread), and their replies may come later through `response_url`:
 * behind this queue, a burst of commands cannot open unbounded checks, queries and Slack calls at
 * once, nor crowd out the webhooks and health probes the main thread also answers.
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
      // Start from the event loop's check phase: messages already waiting (forwarded requests,
      // webhooks) are handled first in every turn, before this already-acked work takes the thread.
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
