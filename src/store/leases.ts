import type { Store } from './store.js';

/**
 * Work items are claimed with a lease: a `leased_until` column (timers, incident steps, PagerDuty
 * events and webhooks). The embedded store is used by one process only (its directory is locked),
 * so when it is opened every lease in it was left by a process that died mid-work: release them
 * all, and that work goes on at once instead of when each lease runs out (up to a minute). A
 * PostgreSQL store is shared by replicas whose leases may be live, so it is never called there.
 */
export async function releaseOrphanedLeases(store: Store): Promise<number> {
  const tables = await store.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE column_name = 'leased_until' AND table_schema = current_schema()`,
  );
  let released = 0;
  for (const { table_name: table } of tables) {
    const rows = await store.query(
      `UPDATE "${table.replaceAll('"', '""')}" SET leased_until = NULL WHERE leased_until IS NOT NULL RETURNING 1 AS x`,
    );
    released += rows.length;
  }
  return released;
}
