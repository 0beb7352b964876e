import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { CurrentWindows, WINDOWS_FRESH_MS } from '../../../src/maintenance/current-windows.js';
import type { Occurrence } from '../../../src/maintenance/model.js';

const T0 = new Date('2027-03-01T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function occurrence(id: number, startsAt: Date, endsAt: Date): Occurrence {
  return {
    id,
    windowId: id,
    title: `w${id}`,
    services: ['api'],
    startsAt,
    endsAt,
    createdBy: 'ada',
    silences: [],
  };
}

/** A store of occurrences, counting its reads; `rows` is what a read returns (not over at `now`). */
function fakeStore(rows: Occurrence[]) {
  let reads = 0;
  return {
    rows,
    get reads() {
      return reads;
    },
    read: async (now: Date) => {
      reads++;
      return rows.filter((o) => o.endsAt > now && !o.cancelledAt);
    },
  };
}

describe('CurrentWindows', () => {
  it('reads once for many asks, and again once the read is older than its bound', async () => {
    const clock = new ManualClock(T0);
    const store = fakeStore([occurrence(1, minutes(-10), minutes(50))]);
    const windows = new CurrentWindows(store.read, clock);
    const asks = await Promise.all([windows.now(), windows.now(), windows.now()]);
    expect(asks.map((a) => a.map((o) => o.id))).toEqual([[1], [1], [1]]);
    await windows.now();
    expect(store.reads).toBe(1);

    // Another replica schedules a window: not seen until the bound has passed.
    store.rows.push(occurrence(2, minutes(-1), minutes(30)));
    clock.advance(WINDOWS_FRESH_MS - 1);
    expect((await windows.now()).map((o) => o.id)).toEqual([1]);
    clock.advance(1);
    expect((await windows.now()).map((o) => o.id)).toEqual([1, 2]);
    expect(store.reads).toBe(2);
  });

  it('starts and ends a window by the clock, without reading again', async () => {
    const clock = new ManualClock(T0);
    const store = fakeStore([occurrence(1, minutes(0.01), minutes(0.05))]);
    const windows = new CurrentWindows(store.read, clock, 60_000);
    expect(await windows.now()).toEqual([]);
    clock.advance(1_000);
    expect((await windows.now()).map((o) => o.id)).toEqual([1]);
    clock.advance(2_000);
    expect(await windows.now()).toEqual([]);
    expect(store.reads).toBe(1);
  });

  it("shows this replica's own change at once, even one made while a read was in flight", async () => {
    const clock = new ManualClock(T0);
    const store = fakeStore([occurrence(1, minutes(-10), minutes(50))]);
    const windows = new CurrentWindows(store.read, clock);
    expect((await windows.now()).map((o) => o.id)).toEqual([1]);

    store.rows[0]!.cancelledAt = clock.now();
    windows.forget();
    expect(await windows.now()).toEqual([]);

    // A read in flight when a window is scheduled is not kept: the next ask reads again.
    const inFlight = windows.now();
    store.rows.push(occurrence(2, minutes(-1), minutes(30)));
    windows.forget();
    await inFlight;
    expect((await windows.now()).map((o) => o.id)).toEqual([2]);
  });

  it('keeps no failed read: the next ask tries the store again', async () => {
    const clock = new ManualClock(T0);
    let fail = true;
    const windows = new CurrentWindows(async () => {
      if (fail) throw new Error('store down');
      return [occurrence(1, minutes(-1), minutes(1))];
    }, clock);
    await expect(windows.now()).rejects.toThrow('store down');
    fail = false;
    expect((await windows.now()).map((o) => o.id)).toEqual([1]);
  });
});
