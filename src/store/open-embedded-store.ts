import { releaseOrphanedLeases } from './leases.js';
import { migrated } from './migrate.js';
import { PgliteStore } from './pglite-store.js';
import { currentTemplate } from './pglite-template.js';
import type { Store } from './store.js';
import type { EmbeddedStoreOptions } from './store-thread-protocol.js';

/**
 * The embedded store on a data directory the caller has locked, opened on this thread: a new
 * directory starts from the build's prepared database when there is one (pglite-template.ts), with
 * every migration it was made with already applied; the store also gets back the work its
 * previous (dead) process held (see leases.ts). Run by the store's thread (store-thread.ts).
 */
export async function openEmbeddedStoreHere(options: EmbeddedStoreOptions): Promise<Store> {
  const store = await migrated(
    PgliteStore.open(options.dataDir, {
      lockedByCaller: true,
      template: currentTemplate(),
      wasmModule: options.wasmModule,
    }),
  );
  try {
    await releaseOrphanedLeases(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
