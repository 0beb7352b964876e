import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../src/slack/work-queue.js';

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** One turn of the event loop: jobs start from its check phase, after pending I/O. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('WorkQueue', () => {
  it('runs at most `concurrency` jobs, the rest in arrival order', async () => {
    const queue = new WorkQueue(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const done = gates.map((g, i) =>
      queue.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await Promise.resolve();
    // Nothing starts in the current tick: requests already waiting on sockets are handled first.
    expect(started).toEqual([]);
    await turn();
    expect(started).toEqual([0, 1]);
    expect(queue.size).toBe(4);
    gates[1]!.open();
    await done[1];
    await turn();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3]);
    expect(queue.size).toBe(0);
  });

  it('a failing job frees its slot', async () => {
    const queue = new WorkQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next')).toBe('next');
    expect(queue.size).toBe(0);
  });
});
