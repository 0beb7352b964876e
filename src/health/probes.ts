/**
 * The clients the database, cache, TLS and Prometheus checks talk through: declared here so the
 * checks know no vendor library; integrations/{postgres,redis,tls,prometheus} implement them and
 * src/wiring/health-probes.ts hands them to the check registry.
 */
export interface HealthProbes {
  pingPostgres(url: string, query: string, signal: AbortSignal): Promise<PostgresPing>;
  readPostgresActivity(url: string, signal: AbortSignal): Promise<PostgresActivity>;
  pingRedis(url: string, signal: AbortSignal): Promise<string>;
  readRedisInfo(url: string, signal: AbortSignal): Promise<RedisInfo>;
  peerCertificate(
    options: { host: string; port: number; servername?: string; caFile?: string },
    signal: AbortSignal,
  ): Promise<PeerCertificate>;
  /** A PromQL instant query: its samples, or Prometheus's own error (bad PromQL, query timeout). */
  queryPrometheus(url: string, query: string, signal: AbortSignal): Promise<PrometheusAnswer>;
}

/** One series of an instant query: its labels and value. */
export interface PrometheusSample {
  labels: Record<string, string>;
  value: number;
}

export type PrometheusAnswer = { samples: PrometheusSample[] } | { error: string };

export interface PostgresPing {
  rowCount: number;
  /** The first column of the first row, for a reason such as "SELECT count(*) … → 12". */
  firstValue?: unknown;
}

/** What seed 003's database health queries show, read in one connection. */
export interface PostgresActivity {
  /** Client connections by `pg_stat_activity.state` (active, idle, idle in transaction…). */
  byState: Record<string, number>;
  connections: number;
  maxConnections: number;
  ungrantedLocks: number;
  role: 'primary' | 'replica';
  /** A replica's replay delay, or the primary's largest replica lag; undefined when there is none. */
  replicationLagSeconds?: number;
  replicas: number;
}

/** `INFO` (and `CLUSTER INFO` in cluster mode) as key → value maps. */
export interface RedisInfo {
  info: Record<string, string>;
  cluster?: Record<string, string>;
}

export interface PeerCertificate {
  validFrom: Date;
  validTo: Date;
  subject: string;
  issuer: string;
  /** Whether the chain is trusted and the name matches; the reason when not. */
  authorized: boolean;
  authorizationError?: string;
}
