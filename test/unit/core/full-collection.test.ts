import { describe, expect, it, vi } from 'vitest';
import { collectGarbageAfterStartUp, collectGarbageOnce } from '../../../src/core/full-collection.js';

describe('collectGarbageOnce', () => {
  it('collects what nothing references any more', async () => {
    const collected = new WeakRef({ body: 'x'.repeat(100_000) });
    // A WeakRef's target lives at least until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    expect(collectGarbageOnce()).toBe(true);
    expect(collected.deref()).toBeUndefined();
  });

  it('keeps what is still referenced, and leaves no gc function on the global', async () => {
    const kept = { body: 'y'.repeat(100_000) };
    const ref = new WeakRef(kept);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbageOnce();
    expect(ref.deref()).toBe(kept);
    expect('gc' in globalThis).toBe(false);
    expect(collectGarbageOnce()).toBe(true); // and can run again
  });
});

describe('collectGarbageAfterStartUp', () => {
  it('collects once, after the delay, on a timer that holds no process open', async () => {
    vi.useFakeTimers();
    try {
      const timers = vi.getTimerCount();
      collectGarbageAfterStartUp(2_000);
      expect(vi.getTimerCount()).toBe(timers + 1);
      const collected = new WeakRef({ body: 'z'.repeat(100_000) });
      await vi.advanceTimersByTimeAsync(1_999);
      expect(collected.deref()).toBeDefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(vi.getTimerCount()).toBe(timers);
      expect(collected.deref()).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
