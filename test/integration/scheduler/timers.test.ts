import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { TimerService } from '../../../src/scheduler/timers.js';
import type { Store } from '../../../src/store/store.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

for (const backend of storeBackends()) {
  describe(`timers on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());

    it('fires a due timer exactly once, idempotent per key, even from a second service on the same store', async () => {
      const clock = new ManualClock(new Date('2026-02-01T00:00:00Z'));
      const fired: string[] = [];
      const make = () => {
        const timers = new TimerService(store, clock, captureLogs().log);
        timers.on('remind', async (t) => {
          fired.push(`${t.key}:${String(t.payload.n)}`);
        });
        return timers;
      };
      const a = make();
      await a.schedule('inc-1:remind', 'remind', new Date('2026-02-01T00:10:00Z'), { n: 1 });
      await a.schedule('inc-1:remind', 'remind', new Date('2026-02-01T00:10:00Z'), { n: 2 });
      expect(await a.poll()).toBe(0);
      clock.advance(10 * 60_000);
      const b = make();
      await Promise.all([a.poll(), b.poll()]);
      await a.poll();
      expect(fired).toEqual(['inc-1:remind:2']);
    });

    it('retries a failing handler later and skips cancelled timers', async () => {
      const clock = new ManualClock(new Date('2026-02-02T00:00:00Z'));
      const timers = new TimerService(store, clock, captureLogs().log);
      let calls = 0;
      timers.on('flaky', async () => {
        calls += 1;
        if (calls === 1) throw new Error('slack down');
      });
      timers.on('never', async () => {
        throw new Error('cancelled timers must not fire');
      });
      await timers.schedule('flaky', 'flaky', clock.now());
      await timers.schedule('gone', 'never', clock.now());
      await timers.cancel('gone');
      await timers.poll();
      expect(calls).toBe(1);
      await timers.poll();
      expect(calls).toBe(1);
      clock.advance(60_000);
      await timers.poll();
      expect(calls).toBe(2);
      expect(await timers.pending('')).toEqual([]);
    });
  });
}
