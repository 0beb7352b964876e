import { UsageError } from '../core/errors.js';

export interface Period {
  text: string;
  ms: number;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_MS = 30 * UNIT_MS.d;

/** `5m`, `1h`, `24h`, `7d` … up to 30 days; anything else is a usage error. */
export function parsePeriod(text: string): Period {
  const match = /^(\d{1,4})([mhd])$/.exec(text.trim().toLowerCase());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
  if (!match || ms <= 0 || ms > MAX_MS) {
    throw new UsageError(
      `\`${text}\` is not a period: use a number with m, h or d between 1m and 30d (e.g. 5m, 1h, 24h, 7d).`,
      'metrics',
    );
  }
  return { text: `${Number(match[1])}${match[2]}`, ms };
}

/** A query_range step giving about 120 points: enough for a chart, cheap for Prometheus. */
export function stepSecondsFor(period: Period): number {
  return Math.max(1, Math.round(period.ms / 1000 / 120));
}

/**
 * A window as the seeds' metrics APIs are asked for it (`?period=24h`, `1h`, `10m`, `7d`): hours
 * up to two days, then whole days; minutes otherwise.
 */
export function periodParam(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / UNIT_MS.m));
  if (minutes % 1440 === 0 && minutes > 2880) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
