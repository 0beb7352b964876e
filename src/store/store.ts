/** Something that runs SQL: the store itself, or a transaction on it. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * The durable store: PostgreSQL semantics whichever backend (embedded PGlite or a PostgreSQL
 * server). Feature code keeps its SQL in small repositories next to the feature and uses `$1`
 * parameters only.
 */
export interface Store extends Queryable {
  readonly backend: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A cheap round trip, for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
