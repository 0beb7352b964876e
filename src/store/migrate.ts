import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root.js';
import type { Store } from './store.js';

/** Any fixed number: every bot replica takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 7_305_001;

export const MIGRATIONS_DIR = join(projectRoot(), 'src', 'store', 'migrations');

/**
 * Applies `NNN_name.sql` files in order, once, all in one transaction under an advisory lock (so
 * replicas starting together migrate once). Both backends run the same files. Number ranges per
 * feature keep parallel work from colliding.
 */
export async function migrate(store: Store, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  // Every start after the first finds nothing to do: one query instead of a locked transaction.
  if (await upToDate(store, files)) return [];
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f))) {
      const sql = await readFile(join(dir, file), 'utf8');
      await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}

async function upToDate(store: Store, files: string[]): Promise<boolean> {
  try {
    const rows = await store.query<{ name: string }>('SELECT name FROM schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    return files.every((f) => done.has(f));
  } catch {
    return false; // no schema_migrations yet: a new database
  }
}
