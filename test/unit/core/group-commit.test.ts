import { describe, expect, it, vi } from 'vitest';
import { GroupCommit } from '../../../src/core/group-commit.js';

describe('GroupCommit', () => {
  it('writes a lone item at once and what arrives meanwhile together in the next write', async () => {
    const writes: number[][] = [];
    const group = new GroupCommit(async (items: number[]) => {
      writes.push(items);
      await new Promise((r) => setTimeout(r, 10));
      return items.map((n) => n * 2);
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => group.add(n)));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every item of a failed write, and goes on with the next', async () => {
    let fail = true;
    const group = new GroupCommit(async (items: string[]) => {
      if (fail) {
        fail = false;
        throw new Error('store down');
      }
      return items;
    });
    const first = group.add('a');
    const second = group.add('b');
    await expect(first).rejects.toThrow('store down');
    await expect(second).resolves.toBe('b');
  });

  it('caps a batch at its size', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit(
      async (items: number[]) => {
        sizes.push(items.length);
        return items;
      },
      { maxBatch: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map((n) => group.add(n)));
    expect(sizes).toEqual([1, 2, 2]);
  });

  it('gathers what one turn of the event loop adds when asked to, for a store that never yields', async () => {
    const writes: number[][] = [];
    // Like PGlite: the write is done before anything else runs.
    const group = new GroupCommit(
      async (items: number[]) => {
        writes.push(items);
        return items;
      },
      { gather: 'turn' },
    );
    const results = await Promise.all([1, 2, 3].map((n) => group.add(n)));
    expect(results).toEqual([1, 2, 3]);
    // Each added in its own I/O callback of the same turn: still one write.
    await Promise.all(
      [4, 5].map(
        (n) => new Promise<number>((resolve) => setImmediate(() => void group.add(n).then(resolve))),
      ),
    );
    expect(writes).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('spaces its writes under load, and writes an item after a quiet spell at once', async () => {
    // The clock is vitest's, so the spacing is checked exactly, not against a busy machine's timers.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
    try {
      const writes: { items: number[]; at: number }[] = [];
      const group = new GroupCommit(
        async (items: number[]) => {
          writes.push({ items, at: performance.now() });
          return items;
        },
        { gather: 'turn', spacingMs: 60 },
      );
      const first = group.add(1);
      await vi.advanceTimersToNextTimerAsync();
      await first;
      // Three more, 5 ms apart, all within the spacing: one write, when the spacing is up.
      const later: Promise<number>[] = [];
      for (const n of [2, 3, 4]) {
        later.push(group.add(n));
        await vi.advanceTimersByTimeAsync(5);
      }
      await vi.advanceTimersByTimeAsync(60);
      await Promise.all(later);
      // After a quiet spell longer than the spacing: written in the same turn, no wait.
      await vi.advanceTimersByTimeAsync(100);
      const quietAt = performance.now();
      const last = group.add(5);
      await vi.advanceTimersToNextTimerAsync();
      await last;
      expect(writes.map((w) => w.items)).toEqual([[1], [2, 3, 4], [5]]);
      expect(writes[1]!.at - writes[0]!.at).toBe(60);
      expect(writes[2]!.at).toBe(quietAt);
    } finally {
      vi.useRealTimers();
    }
  });
});
