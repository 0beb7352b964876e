import { describe, expect, it } from 'vitest';
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
    const writes: { items: number[]; at: number }[] = [];
    const start = performance.now();
    const group = new GroupCommit(
      async (items: number[]) => {
        writes.push({ items, at: performance.now() - start });
        return items;
      },
      { gather: 'turn', spacingMs: 60 },
    );
    await group.add(1);
    // Three more, each in a turn of its own, all within the spacing: one write, after it.
    const later = [2, 3, 4].map(
      (n, i) => new Promise<number>((resolve) => setTimeout(() => void group.add(n).then(resolve), i * 5)),
    );
    await Promise.all(later);
    await new Promise((r) => setTimeout(r, 80));
    await group.add(5);
    expect(writes.map((w) => w.items)).toEqual([[1], [2, 3, 4], [5]]);
    // Node's timers may fire a millisecond early; never a whole spacing early.
    expect(writes[1]!.at - writes[0]!.at).toBeGreaterThanOrEqual(55);
    // After a quiet spell longer than the spacing: no wait.
    expect(writes[2]!.at - writes[1]!.at).toBeGreaterThanOrEqual(80);
  });
});
