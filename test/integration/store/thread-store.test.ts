import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../../src/store/directory-lock.js';
import { ThreadStore } from '../../../src/store/thread-store.js';

/** The thread under a store, to kill it as a crash would (nothing in the bot can reach it). */
const threadOf = (store: ThreadStore) => (store as unknown as { worker: Worker }).worker;

describe('the embedded store in its own thread', () => {
  let root: string;
  let store: ThreadStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bers-thread-store-'));
    store = await ThreadStore.open(join(root, 'data'), {}, ThreadStore.prepare());
    await store.query(
      'CREATE TABLE probe (id int PRIMARY KEY, label text, doc jsonb, at timestamptz, raw bytea)',
    );
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('carries parameters and rows across as their types, outside text made storable', async () => {
    const at = new Date('2026-12-02T10:00:00.000Z');
    await store.query('INSERT INTO probe VALUES ($1, $2, $3, $4, $5)', [
      1,
      'a\u0000b <!channel>',
      JSON.stringify({ nested: ['x', 2] }),
      at,
      new Uint8Array([0, 255]),
    ]);
    const [row] = await store.query<{ id: number; label: string; doc: unknown; at: Date; raw: Uint8Array }>(
      'SELECT * FROM probe WHERE id = $1',
      [1],
    );
    expect(row).toEqual({
      id: 1,
      label: 'ab <!channel>',
      doc: { nested: ['x', 2] },
      at,
      raw: new Uint8Array([0, 255]),
    });
    expect(row!.at).toBeInstanceOf(Date);
  });

  it("fails a statement with PostgreSQL's code and a stack that names the caller", async () => {
    async function insertTwice() {
      await store.query('INSERT INTO probe (id) VALUES (2)');
      await store.query('INSERT INTO probe (id) VALUES (2)');
    }
    const error = (await insertTwice().catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.message).toMatch(/duplicate key/);
    expect(error.code).toBe('23505');
    expect(error.stack).toContain('insertTwice');
  });

  it('commits a transaction, and rolls one back with the error that stopped it', async () => {
    await store.transaction(async (tx) => {
      await tx.query('INSERT INTO probe (id) VALUES ($1)', [3]);
      await tx.query('INSERT INTO probe (id) VALUES ($1)', [4]);
    });
    const stop = new Error('changed my mind');
    await expect(
      store.transaction(async (tx) => {
        await tx.query('INSERT INTO probe (id) VALUES ($1)', [5]);
        throw stop;
      }),
    ).rejects.toBe(stop);
    const ids = await store.query<{ id: number }>('SELECT id FROM probe WHERE id >= 3 ORDER BY id');
    expect(ids.map((r) => r.id)).toEqual([3, 4]);
  });

  it('keeps a statement from outside a transaction out of it until it ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = store.transaction(async (tx) => {
      await tx.query('INSERT INTO probe (id) VALUES (10)');
      await held;
      await tx.query('INSERT INTO probe (id) VALUES (11)');
    });
    // Asked while the transaction is open: it sees both rows or none, never one.
    const outside = store.query<{ n: number }>('SELECT count(*)::int AS n FROM probe WHERE id IN (10, 11)');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await transaction;
    expect((await outside)[0]!.n).toBe(2);
  });

  it('runs many statements at once, each answered with its own rows', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.query<{ n: number }>('SELECT $1::int AS n', [i])),
    );
    expect(answers.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('refuses a second opener of the same directory, as on the main thread', async () => {
    await expect(ThreadStore.open(join(root, 'data'))).rejects.toBeInstanceOf(StoreLockedError);
  });
});

describe('when the embedded store thread dies', () => {
  it('fails what was asked and everything after, says so once, and frees the directory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bers-thread-lost-'));
    try {
      const lost: Error[] = [];
      const store = await ThreadStore.open(join(root, 'data'), { onThreadLost: (error) => lost.push(error) });
      const asked = store.query('SELECT pg_sleep(0.2)');
      await threadOf(store).terminate();
      await expect(asked).rejects.toThrow(/thread exited/);
      await expect(store.query('SELECT 1')).rejects.toThrow(/thread exited/);
      expect(lost).toHaveLength(1);
      await store.close();
      // The lock went with close: the directory opens again, its data intact.
      const again = await ThreadStore.open(join(root, 'data'));
      expect(await again.query<{ x: number }>('SELECT 1 AS x')).toEqual([{ x: 1 }]);
      await again.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('replaces a prepared thread that died before it was used', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bers-thread-prepared-'));
    try {
      const prepared = ThreadStore.prepare();
      await prepared.worker.terminate();
      const store = await ThreadStore.open(join(root, 'data'), {}, prepared);
      expect(await store.query<{ x: number }>('SELECT 1 AS x')).toEqual([{ x: 1 }]);
      await store.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
