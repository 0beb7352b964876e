import type { KnownBlock } from '../core/message.js';
import { truncatePlain } from '../core/truncate.js';
import type {
  AlertsSectionData,
  ChecklistSectionData,
  HealthSectionData,
  IncidentLine,
  IncidentsSectionData,
  KpiSectionData,
  MaintenanceSectionData,
  OperationsSectionData,
  SectionData,
} from '../reports/report-model.js';
import { section } from './blocks.js';
import { STATUS_EMOJI } from './health-view.js';

// Every line here is plain text (names and reasons from services, sources and config); the
// section escapes it, so the only markup is the `*bold*` and `:emoji:` written here.

/** Lines per section block: short enough to read on a phone, few enough blocks for Slack. */
const LIST_AT_MOST = 10;

export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))}s`;
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h${minutes % 60 ? ` ${minutes % 60}m` : ''}`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

function hhmm(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit' }).format(
    at,
  );
}

function more(total: number, shown: number): string[] {
  return total > shown ? [`_…and ${total - shown} more_`] : [];
}

function health(d: HealthSectionData): string[] {
  const counts = (['healthy', 'degraded', 'unhealthy', 'unknown'] as const)
    .filter((s) => d.counts[s])
    .map((s) => `${d.counts[s]} ${s}`)
    .join(' · ');
  const head = `${STATUS_EMOJI[d.overall]} *Health: ${d.overall}* — ${counts} of ${d.total}`;
  const lines = d.attention
    .slice(0, LIST_AT_MOST)
    .map(
      (s) =>
        `${STATUS_EMOJI[s.status]} *${s.service}* ${s.status}${s.reason ? ` — ${truncatePlain(s.reason, 120)}` : ''}`,
    );
  return [head, ...lines, ...more(d.attention.length, lines.length)];
}

function alerts(d: AlertsSectionData): string[] {
  if (d.total === 0) return [':white_check_mark: *Alerts:* none firing'];
  const icon = (s: string) =>
    s === 'critical' ? ':rotating_light:' : s === 'warning' ? ':warning:' : ':information_source:';
  const summary = d.bySeverity.map((g) => `${g.alerts.length} ${g.severity}`).join(' · ');
  const lines = d.bySeverity.flatMap((g) =>
    g.alerts.map((a) => `${icon(g.severity)} ${a.name}${a.service ? ` (${a.service})` : ''}`),
  );
  return [
    `*Alerts:* ${summary}`,
    ...lines.slice(0, LIST_AT_MOST),
    ...more(lines.length, Math.min(lines.length, LIST_AT_MOST)),
  ];
}

function incidentLine(i: IncidentLine): string {
  const times = [
    i.ttaMs !== undefined ? `ack ${duration(i.ttaMs)}` : 'not acked',
    ...(i.ttrMs !== undefined ? [`resolved ${duration(i.ttrMs)}`] : []),
  ].join(' · ');
  return `• *${i.id}* ${i.severity} ${truncatePlain(i.title, 80)} — ${i.status}, ${times}`;
}

function incidents(d: IncidentsSectionData): string[] {
  const mtta = d.mttaMs !== undefined ? duration(d.mttaMs) : '—';
  const mttr = d.mttrMs !== undefined ? duration(d.mttrMs) : '—';
  const head = `*Incidents:* ${d.open.length} open · ${d.lastDay.length} in 24 h · 7 d: ${d.weekCount}, MTTA ${mtta}, MTTR ${mttr}`;
  const openIds = new Set(d.open.map((i) => i.id));
  const list = [...d.open, ...d.lastDay.filter((i) => !openIds.has(i.id))];
  const lines = list.slice(0, LIST_AT_MOST).map(incidentLine);
  return [head, ...lines, ...more(list.length, lines.length)];
}

function kpis(d: KpiSectionData): string[] {
  const icon = { met: ':white_check_mark:', missed: ':x:', 'no data': ':grey_question:' } as const;
  const missed = d.rows.filter((r) => r.verdict === 'missed').length;
  const head = `*KPIs:* ${d.rows.length - missed} of ${d.rows.length} on target`;
  const lines = d.rows.slice(0, LIST_AT_MOST).map((r) => {
    const unit = r.unit ? ` ${r.unit}` : '';
    const value = r.value === undefined ? 'no data' : `${Number(r.value.toFixed(2))}${unit}`;
    return `${icon[r.verdict]} ${r.name}${r.service ? ` (${r.service})` : ''}: ${value} (target ${r.target.comparator} ${r.target.value}${unit})`;
  });
  return [head, ...lines, ...more(d.rows.length, lines.length)];
}

function operations(d: OperationsSectionData, timezone: string): string[] {
  if (d.total === 0) return ['*Restarts & rollbacks (24 h):* none'];
  const lines = d.lines.map((o) => {
    const icon = o.action === 'rollback' ? ':rewind:' : ':arrows_counterclockwise:';
    return `${icon} ${hhmm(o.at, timezone)} ${o.action} *${o.service}* by ${o.actor} — ${o.outcome}`;
  });
  return [`*Restarts & rollbacks (24 h):* ${d.total}`, ...lines, ...more(d.total, lines.length)];
}

function maintenance(d: MaintenanceSectionData): string[] {
  const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return [
    '*Maintenance:*',
    ...d.windows.map((w) =>
      w.running
        ? `🔧 *${w.services.join(', ')}* in maintenance until ${utc(w.endsAt)} — #${w.id} ${w.title}`
        : `🗓️ *${w.services.join(', ')}* from ${utc(w.startsAt)} to ${utc(w.endsAt)} — #${w.id} ${w.title}`,
    ),
  ];
}

function checklist(d: ChecklistSectionData): KnownBlock[] {
  return [
    section(d.intro),
    ...d.groups.map((g) => section([`*${g.title}*`, ...g.items.map((i) => `☐ ${i}`)].join('\n'))),
  ];
}

/** One section's blocks; lists are capped so a big estate still fits one phone screen or two. */
export function sectionBlocks(data: SectionData, timezone: string): KnownBlock[] {
  switch (data.kind) {
    case 'health':
      return [section(health(data).join('\n'))];
    case 'alerts':
      return [section(alerts(data).join('\n'))];
    case 'incidents':
      return [section(incidents(data).join('\n'))];
    case 'kpis':
      return [section(kpis(data).join('\n'))];
    case 'operations':
      return [section(operations(data, timezone).join('\n'))];
    case 'checklist':
      return checklist(data);
    case 'maintenance':
      return [section(maintenance(data).join('\n'))];
  }
}
