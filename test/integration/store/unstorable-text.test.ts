import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { AuditLog } from '../../../src/store/audit-log.js';
import type { Store } from '../../../src/store/store.js';
import { storeBackends } from '../../helpers/stores.js';

const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

for (const backend of storeBackends()) {
  describe(`text PostgreSQL cannot hold, on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());

    it('an audit row with NUL and lone surrogates in text and details is written, cleaned', async () => {
      const audit = new AuditLog(store, new ManualClock(new Date('2026-03-01T10:00:00Z')));
      await audit.record({
        kind: 'command',
        actor: { id: 'U1', name: `a\u0000da${LONE_LOW}` },
        channel: { id: 'C1', name: 'ops' },
        subject: 'health',
        text: `health \u0000web${LONE_HIGH} 🔥`,
        outcome: 'ok',
        correlationId: 'nul-1',
        details: { note: `x\u0000y${LONE_HIGH}`, 'k\u0000': ['\u0000'] },
      });
      const [row] = await audit.recent(1);
      expect(row).toMatchObject({
        actorName: 'ada\uFFFD',
        text: 'health web\uFFFD 🔥',
        correlationId: 'nul-1',
        details: { note: 'xy\uFFFD', k: [''] },
      });
    });

    it('JSON text with a \\u0000 escape goes into jsonb; an escaped backslash stays literal text', async () => {
      await store.query('CREATE TABLE IF NOT EXISTS t_json (id int, j jsonb, t text)');
      const json = JSON.stringify({ a: 'x\u0000y', b: `${LONE_LOW}`, c: '\\u0000 as typed' });
      await store.query('INSERT INTO t_json VALUES (1, $1, $2)', [json, '\\u0000 typed']);
      const [row] = await store.query<{ j: Record<string, string>; t: string }>(
        'SELECT j, t FROM t_json WHERE id = 1',
      );
      expect(row!.j).toEqual({ a: 'xy', b: '\uFFFD', c: '\\u0000 as typed' });
      expect(row!.t).toBe('\\u0000 typed');
    });

    it('the same cleaning inside a transaction, and in array parameters', async () => {
      await store.query('CREATE TABLE IF NOT EXISTS t_arr (id int, tags text[])');
      await store.transaction(async (tx) => {
        await tx.query('INSERT INTO t_arr VALUES (1, $1)', [['a\u0000', `b${LONE_HIGH}`]]);
      });
      const [row] = await store.query<{ tags: string[] }>('SELECT tags FROM t_arr WHERE id = 1');
      expect(row!.tags).toEqual(['a', 'b\uFFFD']);
    });
  });
}
