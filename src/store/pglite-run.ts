import type { PGlite, Transaction } from '@electric-sql/pglite';
import { storableParams } from './storable-params.js';

/** Runs one statement on PGlite (or one of its transactions) the way the `Store` port promises. */
export async function runOnPglite<T extends object>(
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
