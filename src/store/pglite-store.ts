import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type DirectoryLock, lockDirectory } from './directory-lock.js';
import { runOnPglite } from './pglite-run.js';
import { type CompiledWasm, pgliteStartParams, withBaselineWasm } from './pglite-settings.js';
import type { Queryable, Store } from './store.js';
import { unpackTemplate } from './unpack-template.js';

export interface PgliteOpenOptions {
  onLockLost?: (error: Error) => void;
  /**
   * A gzipped dump of an initialised database (pglite-template.ts) that a new data directory
   * starts from instead of running initdb (unpacked by unpack-template.ts). Ignored when the
   * directory already holds a database.
   */
  template?: string;
  /**
   * The caller already holds the directory's lock and releases it itself (the store thread, whose
   * parent locked the directory: see pglite-thread-store.ts).
   */
  lockedByCaller?: boolean;
  /** PGlite's WebAssembly, already compiled (compilePgliteWasm), instead of compiling it here. */
  wasmModule?: CompiledWasm;
}

/** The embedded store: PostgreSQL compiled to WASM, persisted in a directory this process locks. */
export class PgliteStore implements Store {
  readonly backend = 'pglite';

  private constructor(
    private readonly db: PGlite,
    private readonly lock: DirectoryLock | undefined,
  ) {}

  /**
   * Opens `dataDir` (created if missing), or an in-memory database when `dataDir` is undefined.
   * The directory is locked first: PGlite itself has no inter-process lock, and two processes on one
   * directory corrupt it.
   */
  static async open(dataDir: string | undefined, opening: PgliteOpenOptions = {}): Promise<PgliteStore> {
    const options = { startParams: pgliteStartParams(), pgliteWasmModule: opening.wasmModule };
    if (dataDir === undefined)
      return new PgliteStore(await withBaselineWasm(() => PGlite.create(options)), undefined);
    await mkdir(dataDir, { recursive: true });
    const lock = opening.lockedByCaller ? undefined : await lockDirectory(dataDir, opening.onLockLost);
    try {
      // Checked under the lock: only this process can be creating the database now.
      if (opening.template && !existsSync(join(dataDir, 'PG_VERSION')))
        await unpackTemplate(opening.template, dataDir);
      return new PgliteStore(await withBaselineWasm(() => PGlite.create(dataDir, options)), lock);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return runOnPglite<T>(this.db, sql, params);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn({ query: (sql, params) => runOnPglite(tx, sql, params) }));
  }

  /** The whole database as a gzipped tarball, which `open`'s `template` accepts. */
  dumpDataDir(): Promise<Blob> {
    return this.db.dumpDataDir('gzip');
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.db.close();
    await this.lock?.release();
  }
}
