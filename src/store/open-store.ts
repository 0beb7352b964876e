import { keepingLoopAwake } from '../core/keep-awake.js';
import { releaseOrphanedLeases } from './leases.js';
import { migrate } from './migrate.js';
import { PgliteStore } from './pglite-store.js';
import { currentTemplate } from './pglite-template.js';
import { PostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

export interface StoreOptions {
  /** PostgreSQL server; when unset the embedded store is used. */
  databaseUrl?: string;
  /** Embedded store directory; undefined with no databaseUrl means in-memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema to confine the store to (tests). */
  schema?: string;
  onLockLost?: (error: Error) => void;
}

/**
 * Opens the configured backend and brings its schema up to date; a new embedded data directory
 * starts from the build's prepared database when there is one (pglite-template.ts), with every
 * migration it was made with already applied. The embedded store also gets back
 * the work its previous (dead) process held (see leases.ts).
 */
export function openStore(options: StoreOptions): Promise<Store> {
  // PGlite's synchronous WASM must not leave Node waiting on its background compiles (keep-awake.ts).
  return keepingLoopAwake(() => openAndMigrate(options));
}

async function openAndMigrate(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await PostgresStore.open(options.databaseUrl, { schema: options.schema })
    : await PgliteStore.open(options.dataDir, {
        onLockLost: options.onLockLost,
        template: options.dataDir === undefined ? undefined : currentTemplate(),
      });
  try {
    await migrate(store);
    if (store.backend === 'pglite') await releaseOrphanedLeases(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
