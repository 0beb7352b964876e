import { randomBytes } from 'node:crypto';
import { cp, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { PgliteStore } from '../../src/store/pglite-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';

export interface StoreBackend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated store. PostgreSQL stores get a private schema, so test files never collide. */
  open(): Promise<Store>;
  /** Another connection to the same database/schema as `open()`'s last store (a second replica). */
  openSibling?(): Promise<Store>;
}

const pgUrl = process.env.TEST_DATABASE_URL;

export function uniqueSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** The backends a store suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function storeBackends(): StoreBackend[] {
  const backends: StoreBackend[] = [
    {
      name: 'pglite',
      async open() {
        const store = await openPglite();
        await migrate(store);
        return store;
      },
    },
  ];
  if (pgUrl) {
    let schema = uniqueSchema();
    backends.push({
      name: 'postgres',
      async open() {
        schema = uniqueSchema();
        const store = await PostgresStore.open(pgUrl, { schema });
        await migrate(store);
        return store;
      },
      openSibling: () => PostgresStore.open(pgUrl, { schema }),
    });
  }
  return backends;
}

export const postgresUrl = pgUrl;

/** The run's template and copy directories (test/global-setup.ts); none outside vitest (benchmarks). */
function pgliteTemplate(): { template: string; copies: string } | undefined {
  try {
    return { template: inject('pgliteTemplate'), copies: inject('pgliteCopies') };
  } catch {
    return undefined;
  }
}

/**
 * A fresh embedded store: a copy of the run's migrated template directory, which skips PGlite's
 * initdb; in memory where there is no template.
 */
async function openPglite(): Promise<Store> {
  const dirs = pgliteTemplate();
  if (!dirs?.template) return PgliteStore.open(undefined);
  const dir = join(await mkdtemp(join(dirs.copies, 'store-')), 'data');
  await cp(dirs.template, dir, { recursive: true });
  return PgliteStore.open(dir);
}
