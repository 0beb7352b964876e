import { z } from 'zod';

/** Values at or above `warning` degrade the service; at or above `critical` make it unhealthy. */
const levels = (max?: number) => {
  const n = max === undefined ? z.number().min(0) : z.number().min(0).max(max);
  return z.strictObject({ warning: n.optional(), critical: n.optional() });
};

const base = {
  name: z.string().min(1).max(60).optional(),
  timeoutMs: z.number().int().positive().max(120_000).optional(),
  critical: z.boolean().default(true),
};

/**
 * The database checks of seed 003's "Database health": connections by state against
 * max_connections, ungranted locks, and replication lag (a replica's replay delay, or the largest
 * lag of the primary's replicas), each with thresholds.
 */
export const postgresActivityCheck = z.strictObject({
  kind: z.literal('postgres-activity'),
  ...base,
  url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  /** Percent of max_connections in use (seed 003: warning 80 %, critical 95 %). */
  connections: levels(100).default({ warning: 80, critical: 95 }),
  /** Lock requests waiting (`pg_locks WHERE NOT granted`). */
  ungrantedLocks: levels().default({ warning: 1, critical: 10 }),
  replicationLagSeconds: levels().default({ warning: 30, critical: 300 }),
});

/** `redis-cli info` and `cluster info` (seed 003): memory against maxmemory, clients, the cluster state. */
export const redisInfoCheck = z.strictObject({
  kind: z.literal('redis-info'),
  ...base,
  url: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  /** Percent of maxmemory used (only when maxmemory is set). */
  memory: levels(100).default({ warning: 80, critical: 95 }),
  connectedClients: levels().optional(),
  /** `required`: a Redis that is not in cluster mode is unhealthy; `if-enabled`: only checked in cluster mode. */
  cluster: z.enum(['required', 'if-enabled']).default('if-enabled'),
});

/** TLS certificate expiry (seed 003: "Check SSL certificate expiration (30-day warning)"). */
export const tlsCheck = z.strictObject({
  kind: z.literal('tls'),
  ...base,
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(443),
  /** The name asked for (SNI) and checked against the certificate; default: host. */
  servername: z.string().min(1).optional(),
  warningDays: z.number().int().min(0).max(365).default(30),
  criticalDays: z.number().int().min(0).max(365).default(7),
  /** A PEM file of extra trusted CAs (an internal CA, a self-signed certificate). */
  caFile: z.string().min(1).optional(),
  /** An untrusted or mismatched certificate is unhealthy; `false` only reports the expiry. */
  verify: z.boolean().default(true),
});
