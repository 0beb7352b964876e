import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/core/audit.js';
import { ManualClock } from '../../../src/core/clock.js';
import { AuditLog } from '../../../src/store/audit-log.js';
import type { Store } from '../../../src/store/store.js';
import { storeBackends } from '../../helpers/stores.js';

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  kind: 'command',
  actor: { id: 'U1', name: 'ada' },
  channel: { id: 'C1', name: 'ops' },
  subject: 'health',
  text: `health ${n}`,
  outcome: 'ok',
  durationMs: n,
  correlationId: `gc-${n}`,
  ...extra,
});

/** The store, counting the audit INSERTs that reach it. */
function counting(store: Store): { store: Store; inserts: () => number } {
  let inserts = 0;
  const counted: Store = Object.create(store);
  counted.query = (sql, params) => {
    if (sql.startsWith('INSERT INTO audit_events')) inserts++;
    return store.query(sql, params);
  };
  return { store: counted, inserts: () => inserts };
}

for (const backend of storeBackends()) {
  describe(`audit rows group-committed, on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());

    it('rows recorded together are all written, in order, each with its own time, in fewer statements', async () => {
      await store.query('DELETE FROM audit_events');
      const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
      const { store: counted, inserts } = counting(store);
      const audit = new AuditLog(counted, clock);
      const recorded: Promise<void>[] = [];
      for (let n = 1; n <= 50; n++) {
        recorded.push(audit.record(entry(n)));
        clock.advance(1000);
      }
      await Promise.all(recorded);
      const rows = await audit.recent(100);
      expect(rows.map((r) => r.correlationId).reverse()).toEqual(
        Array.from({ length: 50 }, (_, i) => `gc-${i + 1}`),
      );
      expect(rows.at(-1)!.at.toISOString()).toBe('2026-03-01T10:00:00.000Z');
      expect(rows[0]!.at.toISOString()).toBe('2026-03-01T10:00:49.000Z');
      // Recorded in one turn of the event loop, all 50 share one INSERT (on PGlite, which never
      // yields mid-write, the first would otherwise go alone and so would every later one).
      expect(inserts()).toBe(1);
    });

    it('a row the store refuses fails its own record only; the rest of its batch is written', async () => {
      await store.query('DELETE FROM audit_events');
      const audit = new AuditLog(store, new ManualClock(new Date('2026-03-01T10:00:00Z')));
      const results = await Promise.allSettled([
        audit.record(entry(1)),
        audit.record(entry(2)),
        // duration_ms is an integer column: this one is out of its range.
        audit.record(entry(3, { durationMs: 2 ** 40 })),
        audit.record(entry(4)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((await audit.recent(10)).map((r) => r.correlationId).sort()).toEqual(['gc-1', 'gc-2', 'gc-4']);
    });

    it('a lone row is written at once, as before', async () => {
      await store.query('DELETE FROM audit_events');
      const { store: counted, inserts } = counting(store);
      const audit = new AuditLog(counted, new ManualClock());
      await audit.record(entry(99));
      expect(inserts()).toBe(1);
      expect((await audit.recent(1))[0]!.correlationId).toBe('gc-99');
    });
  });
}
