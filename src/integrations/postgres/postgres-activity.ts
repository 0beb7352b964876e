import type { PostgresActivity } from '../../health/probes.js';
import { withPostgres } from './postgres-ping.js';

const BY_STATE = `SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n
  FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1`;
const MAX = `SELECT current_setting('max_connections')::int AS max`;
const LOCKS = 'SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted';
const RECOVERY = 'SELECT pg_is_in_recovery() AS replica';
const REPLICA_LAG = 'SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag';
const PRIMARY_LAG = `SELECT count(*)::int AS replicas, max(extract(epoch FROM replay_lag))::float8 AS lag
  FROM pg_stat_replication`;

/** `SELECT state, count(*) FROM pg_stat_activity GROUP BY state`, `pg_locks WHERE NOT granted`, and the lag. */
export function readPostgresActivity(url: string, signal: AbortSignal): Promise<PostgresActivity> {
  return withPostgres(url, signal, async (client) => {
    const states = (await client.query<{ state: string; n: number }>(BY_STATE)).rows;
    const byState = Object.fromEntries(states.map((r) => [r.state, r.n]));
    const maxConnections = (await client.query<{ max: number }>(MAX)).rows[0]!.max;
    const ungrantedLocks = (await client.query<{ n: number }>(LOCKS)).rows[0]!.n;
    const replica = (await client.query<{ replica: boolean }>(RECOVERY)).rows[0]!.replica;
    const lag = replica
      ? { replicas: 0, lag: (await client.query<{ lag: number | null }>(REPLICA_LAG)).rows[0]!.lag }
      : (await client.query<{ replicas: number; lag: number | null }>(PRIMARY_LAG)).rows[0]!;
    return {
      byState,
      connections: states.reduce((sum, r) => sum + r.n, 0),
      maxConnections,
      ungrantedLocks,
      role: replica ? 'replica' : 'primary',
      replicationLagSeconds: lag.lag ?? undefined,
      replicas: lag.replicas,
    };
  });
}
