import { describe, expect, it } from 'vitest';
import { sharedPerTurn } from '../../../src/core/shared-per-turn.js';

describe('sharedPerTurn', () => {
  it('reads once for everyone who asks in one turn, and again for those who ask later', async () => {
    let reads = 0;
    const read = sharedPerTurn(async () => ++reads);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    expect(await read()).toBe(2);
  });

  it('never joins a read that has started: what was written before asking is in the result', async () => {
    let stored = 'before';
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const read = sharedPerTurn(async () => {
      const seen = stored;
      await gate;
      return seen;
    });
    const first = read();
    await new Promise((resolve) => setImmediate(resolve)); // the first read has started
    stored = 'after';
    const second = read();
    release();
    expect(await first).toBe('before');
    expect(await second).toBe('after');
  });

  it('fails everyone who shared a failed read, and reads again afterwards', async () => {
    let fail = true;
    const read = sharedPerTurn(async () => {
      if (fail) throw new Error('store down');
      return 'ok';
    });
    const asks = [read(), read()];
    await expect(asks[0]).rejects.toThrow('store down');
    await expect(asks[1]).rejects.toThrow('store down');
    fail = false;
    expect(await read()).toBe('ok');
  });
});
