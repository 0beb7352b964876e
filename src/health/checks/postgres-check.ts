import type { CheckConfig } from '../../config/schema.js';
import type { Checker } from '../model.js';
import type { HealthProbes } from '../probes.js';

type PostgresCheckConfig = Extract<CheckConfig, { kind: 'postgres' }>;

function valueText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** PostgreSQL accepts a connection and answers the configured query (default `SELECT 1`). */
export function postgresChecker(
  config: PostgresCheckConfig,
  pingPostgres: HealthProbes['pingPostgres'],
): Checker {
  return {
    kind: 'postgres',
    async check(signal) {
      const { rowCount, firstValue } = await pingPostgres(config.url, config.query, signal);
      const value = valueText(firstValue);
      const query = config.query.length > 40 ? `${config.query.slice(0, 39)}…` : config.query;
      return {
        status: 'healthy',
        reason: `${query} → ${value ?? `${rowCount} rows`}`,
        details: { rowCount },
      };
    },
  };
}
