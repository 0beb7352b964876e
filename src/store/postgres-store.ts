import pg from 'pg';
import { storableParams } from './storable-params.js';
import type { Queryable, Store } from './store.js';

/** int8 as number in both backends (PGlite does so); ids and counts stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A PostgreSQL server shared by every replica (`DATABASE_URL`). */
export class PostgresStore implements Store {
  readonly backend = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  /**
   * `schema` confines every query to one schema (created if missing): the test suites use it so
   * parallel test files never see each other's rows.
   */
  static async open(url: string, options: { schema?: string; max?: number } = {}): Promise<PostgresStore> {
    const { schema, max = 10 } = options;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`invalid schema name ${schema}`);
    if (schema) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await client.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: url,
      max,
      types,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its connection must not crash the bot; the next query reconnects.
    pool.on('error', () => {});
    const store = new PostgresStore(pool);
    await store.ping();
    return store;
  }

  async query<T extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<T[]> {
    return (await this.pool.query(sql, storableParams(params))).rows as T[];
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R extends object>(sql: string, params?: readonly unknown[]) =>
          (await client.query(sql, storableParams(params))).rows as R[],
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
