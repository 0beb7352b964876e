import { type Mrkdwn, md } from '../../core/mrkdwn.js';
import type { KpiRow } from '../../metrics/metric-service.js';

/** `configuration-resolution-time: 131 ms (target below 100) — breach`. */
export function kpiLine(row: KpiRow): Mrkdwn {
  const d = row.definition;
  const value =
    row.current === undefined
      ? `no value (${row.error ?? 'unknown'})`
      : `${row.current} ${d.unit ?? ''}`.trim();
  return md`*${d.name}:* ${value} (target ${d.comparison ?? 'below'} ${String(d.target ?? '—')}) — ${row.status}`;
}
