import type { ActionRequest } from '../../../actions/action-request.js';
import type { Alert } from '../../../alerts/model.js';
import { SEVERITIES } from '../../../alerts/model.js';
import type { BotConfig } from '../../../config/schema.js';
import type { OnCallPerson } from '../../../incident/on-call.js';
import type { AuditRecord } from '../../../store/audit-log.js';
import { confirmationMessage } from '../../../views/actions-view.js';
import { alertListReply } from '../../../views/alerts-list-view.js';
import { auditReply } from '../../../views/audit-view.js';
import { kpiTableReply, metricDetailReply } from '../../../views/metrics-view.js';
import { onCallReply } from '../../../views/oncall-view.js';
import { outsideText, SAMPLE_NOW, type Sample, times } from './sample.js';

function alertSamples(config: BotConfig): Sample[] {
  const sources = config.alerts.sources.map((s) => s.name);
  const alerts: Alert[] = times(120, (i) => ({
    id: i.toString(16).padStart(6, '0'),
    source: sources[i % Math.max(sources.length, 1)] ?? 'alertmanager',
    key: `k${i}`,
    severity: SEVERITIES[i % SEVERITIES.length]!,
    name: outsideText(80),
    service: config.services[i % config.services.length]?.name,
    summary: outsideText(300),
    startsAt: new Date(SAMPLE_NOW.getTime() - i * 60_000),
    state: 'active',
    labels: {},
  }));
  const failures = sources.map((source) => ({ source, reason: `${source}: ${outsideText(200)}` }));
  const listing = { alerts, failures, sources };
  return [
    { path: 'replies.alerts', message: alertListReply(listing, SAMPLE_NOW, config.alerts.responseMinutes) },
  ];
}

function metricSamples(config: BotConfig): Sample[] {
  const rows = config.metrics.definitions.map((definition, i) => ({
    definition,
    current: i % 3 === 2 ? undefined : 123456.789,
    status: (['ok', 'breach', 'unknown'] as const)[i % 3]!,
    error: i % 3 === 2 ? outsideText(200) : undefined,
  }));
  if (rows.length === 0) return [];
  const stats = { count: 720, average: 12.5, p95: 40.1, max: 99.9, min: 0.1 };
  const points = times(720, (i) => ({ at: new Date(SAMPLE_NOW.getTime() - i * 5000), value: i }));
  return [
    { path: 'replies.metrics', message: kpiTableReply(rows) },
    ...rows.map((row) => ({
      path: `replies.metrics ${row.definition.name}`,
      message: metricDetailReply(
        { ...row, period: { text: '1h', ms: 3_600_000 }, stats, points },
        outsideText(100),
      ),
    })),
  ];
}

function auditSample(): Sample {
  const records: AuditRecord[] = times(100, (id) => ({
    id,
    at: SAMPLE_NOW,
    kind: id % 2 ? 'command' : 'operation',
    actorId: 'U0ADA',
    actorName: outsideText(40),
    channelId: 'C0OPS',
    channelName: 'ops',
    subject: 'restart.execute',
    text: outsideText(400),
    outcome: 'failed',
    correlationId: 'abc123',
    details: { outputTail: outsideText(2000) },
  }));
  return { path: 'replies.audit 100', message: auditReply(records) };
}

function onCallSample(): Sample {
  const people: OnCallPerson[] = times(40, (i) => ({
    source: { kind: 'escalation policy', id: `P${i % 8}`, name: outsideText(60) },
    level: (i % 3) + 1,
    user: { id: `PU${i}`, name: outsideText(60) },
    until: SAMPLE_NOW,
  }));
  return { path: 'replies.oncall', message: onCallReply({ people, at: SAMPLE_NOW }) };
}

/** A confirmation for every configured service and environment, for both kinds it may run. */
function actionSamples(config: BotConfig): Sample[] {
  return Object.entries(config.actions.services).flatMap(([service, entry]) =>
    Object.entries(entry.environments).flatMap(([environment, settings]) =>
      (['restart', 'rollback'] as const).map((kind) => {
        const request: ActionRequest = {
          id: 'a1b2c3d4',
          kind,
          service,
          environment,
          executor: `${settings.executor.kind} ${outsideText(200)}`,
          revision: kind === 'rollback' ? outsideText(64) : undefined,
          args: {},
          state: 'requested',
          requestedBy: { id: 'U0ADA', name: 'ada' },
          channelId: 'C0OPS',
          twoPerson: settings.twoPersonRollback === true,
          requestedAt: SAMPLE_NOW,
          expiresAt: SAMPLE_NOW,
          correlationId: 'abc123',
        };
        return { path: `replies.${kind} ${service} ${environment}`, message: confirmationMessage(request) };
      }),
    ),
  );
}

/** The replies of the operational commands: alerts, metrics, audit, on-call, restart/rollback. */
export function operationsSamples(config: BotConfig): Sample[] {
  return [
    ...alertSamples(config),
    ...metricSamples(config),
    auditSample(),
    onCallSample(),
    ...actionSamples(config),
  ];
}
