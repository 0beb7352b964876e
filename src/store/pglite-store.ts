import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type DirectoryLock, lockDirectory } from './directory-lock.js';
import { pgliteStartParams, withBaselineWasm } from './pglite-settings.js';
import { storableParams } from './storable-params.js';
import type { Queryable, Store } from './store.js';

async function run<T extends object>(
  db: PGlite | Transaction,
  sql: string,
  params?: readonly unknown[],
): Promise<T[]> {
  // Parameterless text may hold several statements (migrations); `exec` runs them all.
  if (!params || params.length === 0) {
    const results = await db.exec(sql);
    return (results.at(-1)?.rows ?? []) as T[];
  }
  return (await db.query<T>(sql, storableParams(params))).rows;
}

export interface PgliteOpenOptions {
  onLockLost?: (error: Error) => void;
  /**
   * A gzipped dump of an initialised database (pglite-template.ts) that a new data directory
   * starts from instead of running initdb (unpacked by unpack-template.ts). Ignored when the
   * directory already holds a database.
   */
  template?: string;
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
    const options = { startParams: pgliteStartParams() };
    if (dataDir === undefined)
      return new PgliteStore(await withBaselineWasm(() => PGlite.create(options)), undefined);
    await mkdir(dataDir, { recursive: true });
    const lock = await lockDirectory(dataDir, opening.onLockLost);
    try {
      // Checked under the lock: only this process can be creating the database now.
      // Imported here: only a first start unpacks, and a warm one need not load the tar reader.
      if (opening.template && !existsSync(join(dataDir, 'PG_VERSION'))) {
        const { unpackTemplate } = await import('./unpack-template.js');
        await unpackTemplate(opening.template, dataDir);
      }
      return new PgliteStore(await withBaselineWasm(() => PGlite.create(dataDir, options)), lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return run<T>(this.db, sql, params);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) }));
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
