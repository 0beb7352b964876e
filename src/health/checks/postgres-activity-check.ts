import type { CheckConfig } from '../../config/schema.js';
import { type Checker, type CheckOutcome, worstOf } from '../model.js';
import type { HealthProbes } from '../probes.js';
import { gradeLevel, pastLevel } from './levels.js';

type PostgresActivityConfig = Extract<CheckConfig, { kind: 'postgres-activity' }>;

/** Connections by state against max_connections, ungranted locks and replication lag, with thresholds. */
export function postgresActivityChecker(
  config: PostgresActivityConfig,
  readPostgresActivity: HealthProbes['readPostgresActivity'],
): Checker {
  return {
    kind: 'postgres-activity',
    async check(signal): Promise<CheckOutcome> {
      const a = await readPostgresActivity(config.url, signal);
      const percent = (a.connections / a.maxConnections) * 100;
      const states = Object.entries(a.byState)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([state, n]) => `${n} ${state}`)
        .join(', ');
      const lag = a.replicationLagSeconds;
      const parts = [
        {
          name: 'connections',
          status: gradeLevel(percent, config.connections),
          text: `connections ${a.connections}/${a.maxConnections} (${percent.toFixed(0)}%)${states ? `: ${states}` : ''}`,
          levels: config.connections,
        },
        {
          name: 'locks',
          status: gradeLevel(a.ungrantedLocks, config.ungrantedLocks),
          text: `${a.ungrantedLocks} ungranted lock${a.ungrantedLocks === 1 ? '' : 's'}`,
          levels: config.ungrantedLocks,
        },
        {
          name: 'replication',
          status: gradeLevel(lag, config.replicationLagSeconds),
          text:
            lag === undefined
              ? `${a.role}, ${a.role === 'primary' ? `${a.replicas} replica(s)` : 'nothing replayed yet'}`
              : `${a.role}, replication lag ${lag.toFixed(1)} s`,
          levels: config.replicationLagSeconds,
        },
      ];
      const status = worstOf(parts.map((p) => p.status));
      const reason = parts
        .map((p) => `${p.text}${p.status === 'healthy' ? '' : pastLevel(p.levels, p.status)}`)
        .join(' · ');
      return {
        status,
        reason,
        details: { ...a, connectionsPercent: Math.round(percent * 10) / 10 },
        components: parts.map((p) => ({ name: p.name, status: p.status, reason: p.text })),
      };
    },
  };
}
