import { keepingLoopAwake } from '../core/keep-awake.js';
import { migrated } from './migrate.js';
import type { Store } from './store.js';
import type { PreparedStoreThread } from './thread-store.js';

export interface StoreOptions {
  /** PostgreSQL server; when unset the embedded store is used. */
  databaseUrl?: string;
  /** Embedded store directory; undefined with no databaseUrl means in-memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema to confine the store to (tests). */
  schema?: string;
  onLockLost?: (error: Error) => void;
  /** The embedded store's thread died: the store is gone (see thread-store.ts). */
  onThreadLost?: (error: Error) => void;
  /** The embedded store's thread, started ahead (ThreadStore.prepare); ended if not used. */
  preparedThread?: PreparedStoreThread;
}

/**
 * Opens the configured backend and brings its schema up to date. The embedded store on a data
 * directory runs in a thread of its own (thread-store.ts), which opens, migrates and readies it
 * (open-embedded-store.ts); an in-memory one (tests) runs on this thread. Each backend's modules
 * are loaded only when it is the one configured: this thread does not load PGlite to start its
 * thread, nor `pg` for the embedded store.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { preparedThread } = options;
  if (preparedThread && (options.databaseUrl || options.dataDir === undefined))
    void preparedThread.worker.terminate();
  if (options.databaseUrl) {
    const { PostgresStore } = await import('./postgres-store.js');
    return migrated(PostgresStore.open(options.databaseUrl, { schema: options.schema }));
  }
  if (options.dataDir !== undefined) {
    const { ThreadStore } = await import('./thread-store.js');
    const { onLockLost, onThreadLost } = options;
    return ThreadStore.open(options.dataDir, { onLockLost, onThreadLost }, preparedThread);
  }
  const { PgliteStore } = await import('./pglite-store.js');
  // PGlite's synchronous WASM must not leave Node waiting on its background compiles (keep-awake.ts).
  return keepingLoopAwake(() => migrated(PgliteStore.open(undefined)));
}
