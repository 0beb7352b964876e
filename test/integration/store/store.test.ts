import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { AuditLog } from '../../../src/store/audit-log.js';
import { StoreLockedError } from '../../../src/store/directory-lock.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';
import { postgresUrl, storeBackends, uniqueSchema } from '../../helpers/stores.js';

const actor = { id: 'U1', name: 'ada' };
const channel = { id: 'C1', name: 'ops' };

for (const backend of storeBackends()) {
  describe(`store on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());

    it('records and lists audit events, newest first, filtered by service', async () => {
      const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
      const audit = new AuditLog(store, clock);
      await audit.record({
        kind: 'command',
        actor,
        channel,
        subject: 'health',
        text: 'health',
        outcome: 'ok',
        correlationId: 'a',
      });
      clock.advance(1000);
      await audit.record({
        kind: 'action',
        actor,
        channel,
        subject: 'restart',
        text: 'restart web',
        outcome: 'ok',
        correlationId: 'b',
        service: 'web',
        details: { revision: 3 },
      });
      const all = await audit.recent(10);
      expect(all.map((r) => r.correlationId)).toEqual(['b', 'a']);
      expect(all[0]).toMatchObject({
        service: 'web',
        details: { revision: 3 },
        actorName: 'ada',
        at: new Date('2026-03-01T10:00:01Z'),
      });
      expect((await audit.recent(10, { service: 'web' })).map((r) => r.subject)).toEqual(['restart']);
    });

    it('rolls a failed transaction back', async () => {
      await store.query('CREATE TABLE IF NOT EXISTS tx_probe (n int)');
      await expect(
        store.transaction(async (tx) => {
          await tx.query('INSERT INTO tx_probe (n) VALUES ($1)', [1]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.query('SELECT count(*)::int AS c FROM tx_probe')).toEqual([{ c: 0 }]);
    });

    it('migrates idempotently', async () => {
      const { migrate } = await import('../../../src/store/migrate.js');
      expect(await migrate(store)).toEqual([]);
    });
  });
}

describe('embedded store directory', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bers-store-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps audit rows across a restart and refuses a second opener', async () => {
    const first = await openStore({ dataDir: dir });
    await new AuditLog(first, new ManualClock()).record({
      kind: 'command',
      actor,
      channel,
      subject: 'health',
      text: 'health',
      outcome: 'ok',
      correlationId: 'keep',
    });
    await expect(openStore({ dataDir: dir })).rejects.toBeInstanceOf(StoreLockedError);
    await first.close();
    const again = await openStore({ dataDir: dir });
    expect((await new AuditLog(again, new ManualClock()).recent(5)).map((r) => r.correlationId)).toEqual([
      'keep',
    ]);
    await again.close();
  }, 60_000);
});

describe('embedded store after a crash', () => {
  it('takes over the lock of a process that died without releasing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bers-crash-'));
    const { spawnSync } = await import('node:child_process');
    // A child that locks the directory and is killed: no exit handler can release the lock.
    const script = `import('${new URL('../../../src/store/directory-lock.ts', import.meta.url).pathname}').then(async (m) => { await m.lockDirectory(${JSON.stringify(dir)}); process.kill(process.pid, 'SIGKILL'); })`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    // Make the dead holder's lock look freshly refreshed for an hour: only the dead-pid check
    // can take it over, never proper-lockfile's staleness timeout.
    const inAnHour = new Date(Date.now() + 3_600_000);
    await utimes(join(dir, 'bers.lock'), inAnHour, inAnHour);
    const store = await openStore({ dataDir: dir });
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});

/** A table leased the project's way (`leased_until`), with one row leased for an hour. */
async function leaseOneRow(store: Store): Promise<void> {
  await store.query('CREATE TABLE IF NOT EXISTS lease_probe (id int PRIMARY KEY, leased_until timestamptz)');
  await store.query("INSERT INTO lease_probe VALUES (1, now() + interval '1 hour')");
}
const leasedRows = async (store: Store) =>
  (
    await store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM lease_probe WHERE leased_until IS NOT NULL',
    )
  )[0]!.n;

describe('leases when a store is opened again', () => {
  it('the embedded store releases every lease: the process that held them is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bers-lease-'));
    try {
      const dead = await openStore({ dataDir: dir });
      await leaseOneRow(dead);
      await dead.close();
      const store = await openStore({ dataDir: dir });
      expect(await leasedRows(store)).toBe(0);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // CI sets TEST_DATABASE_URL; without it there is no PostgreSQL to open a second time.
  const sharedTest = postgresUrl ? it : undefined;
  sharedTest?.('a PostgreSQL store keeps them: their holders may be live replicas', async () => {
    const schema = uniqueSchema();
    const first = await openStore({ databaseUrl: postgresUrl, schema });
    await leaseOneRow(first);
    const second = await openStore({ databaseUrl: postgresUrl, schema });
    expect(await leasedRows(second)).toBe(1);
    await second.close();
    await first.close();
  });
});
