import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Message } from '../../../src/core/message.js';
import { buildHealthService } from '../../../src/health/build-health-service.js';
import { ReportService } from '../../../src/reports/report-service.js';
import type { ReportSources } from '../../../src/reports/report-sources.js';
import { AuditLog } from '../../../src/store/audit-log.js';
import type { Store } from '../../../src/store/store.js';
import { reportMessage } from '../../../src/views/report-view.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';
import { configFrom } from '../../helpers/config.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

const NOW = new Date('2026-01-05T09:00:00Z');
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const textOf = (m: Message) => `${m.text}\n${JSON.stringify(m.blocks)}`;

const sources: ReportSources = {
  kpis: {
    async readings() {
      return [
        {
          name: 'p95 latency',
          service: 'api',
          unit: 'ms',
          value: 620,
          target: { comparator: '<', value: 500 },
        },
        { name: 'availability', unit: '%', value: 99.95, target: { comparator: '>=', value: 99.9 } },
      ];
    },
  },
  alerts: {
    async active() {
      return [
        { name: 'DiskFilling', severity: 'warning', service: 'db', since: ago(2 * H) },
        { name: 'ApiDown', severity: 'critical', service: 'api', since: ago(H) },
      ];
    },
  },
  incidents: {
    async incidents() {
      return [
        {
          id: 'INC-7',
          title: 'Uploads failing',
          severity: 'SEV1',
          status: 'acknowledged',
          declaredAt: ago(H),
          acknowledgedAt: ago(H - 4 * 60_000),
        },
        {
          id: 'INC-6',
          title: 'Slow chat',
          severity: 'SEV3',
          status: 'resolved',
          declaredAt: ago(3 * 24 * H),
          acknowledgedAt: ago(3 * 24 * H - 10 * 60_000),
          resolvedAt: ago(3 * 24 * H - 2 * H),
        },
      ];
    },
  },
};

describe.each(storeBackends())('the daily report ($name)', (backend) => {
  let store: Store;
  let up: Server;
  let service: (s: ReportSources, deadlineMs?: number) => ReportService;
  beforeAll(async () => {
    store = await backend.open();
    up = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => up.listen(0, '127.0.0.1', r));
    const port = (up.address() as AddressInfo).port;
    const config = configFrom(`
services:
  - name: api
    checks: [{ kind: http, url: "http://127.0.0.1:${port}/" }]
  - name: db
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
  - name: chat
    checks:
      - { kind: http, url: "http://127.0.0.1:${port}/" }
      - { name: cache, kind: tcp, host: 127.0.0.1, port: 1, critical: false, timeoutMs: 500 }
`);
    const clock = new ManualClock(NOW);
    const audit = new AuditLog(store, clock);
    const operation = {
      kind: 'operation',
      actor: { id: 'U1', name: 'ada' },
      channel: { id: 'C1', name: 'ops' },
      text: '',
      outcome: 'ok',
      correlationId: 'c',
    };
    clock.set(ago(2 * H));
    await audit.record({ ...operation, subject: 'restart', service: 'api', text: 'restart api' });
    clock.set(ago(H));
    await audit.record({ ...operation, subject: 'rollback', service: 'chat', outcome: 'failed' });
    clock.set(ago(30 * H)); // older than 24 h: not listed
    await audit.record({ ...operation, subject: 'restart', service: 'db' });
    await audit.record({ ...operation, kind: 'command', subject: 'restart', service: 'db' });
    clock.set(NOW);
    const health = buildHealthService(config, clock, healthProbes);
    service = (s, deadlineMs = config.reports.deadlineMs) =>
      new ReportService({
        config: { ...config.reports, deadlineMs },
        health,
        store,
        sources: s,
        clock,
        chat: undefined as never,
        log: captureLogs().log,
        render: reportMessage,
      });
  });
  afterAll(async () => {
    up.close();
    await store.close();
  });

  it('health first (worst services first, with reasons), then alerts, incidents, KPIs and operations', async () => {
    const report = await service(sources).build('daily-health');
    expect(report.failures).toEqual([]);
    expect(report.sections.map((s) => s.id)).toEqual(['health', 'alerts', 'incidents', 'kpis', 'operations']);
    const health = report.sections[0]!.data;
    expect(health).toMatchObject({
      kind: 'health',
      overall: 'unhealthy',
      total: 3,
      counts: { healthy: 1, degraded: 1, unhealthy: 1 },
    });
    expect(health.kind === 'health' && health.attention.map((a) => a.service)).toEqual(['db', 'chat']);
    const incidents = report.sections[2]!.data;
    expect(incidents).toMatchObject({ kind: 'incidents', weekCount: 2, mttaMs: 7 * 60_000, mttrMs: 2 * H });
    const operations = report.sections[4]!.data;
    expect(
      operations.kind === 'operations' &&
        operations.lines.map((l) => `${l.action} ${l.service} ${l.outcome}`),
    ).toEqual(['rollback chat failed', 'restart api ok']);
    const text = textOf(reportMessage(report));
    expect(text).toContain('Health: unhealthy');
    expect(text).toMatch(/\*db\* unhealthy — tcp: /);
    expect(text).toContain('1 critical · 1 warning');
    expect(text).toContain('MTTA 7m, MTTR 2h');
    expect(text).toContain('INC-7');
    expect(text).toContain('1 of 2 on target');
    // Escaped for mrkdwn: a bare `<` would start a Slack link.
    expect(text).toMatch(/:x: p95 latency \(api\): 620 ms \(target &lt; 500 ms\)/);
    expect(text).toContain('rollback *chat* by ada');
    expect(reportMessage(report).blocks!.length).toBeLessThan(15);
  });

  it('leaves out the sections whose source is not configured', async () => {
    const report = await service({}).build('daily-health');
    expect(report.sections.map((s) => s.id)).toEqual(['health', 'operations']);
    expect(textOf(reportMessage(report))).not.toMatch(/Alerts|Incidents|KPIs/);
  });

  it('a section that fails still lets the rest post, and the report names the failure', async () => {
    const report = await service(
      {
        ...sources,
        kpis: {
          async readings() {
            throw new Error('prometheus unreachable');
          },
        },
        incidents: {
          incidents: (_range, signal) =>
            new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
        },
      },
      1000,
    ).build('daily-health');
    expect(report.sections.map((s) => s.id)).toEqual(['health', 'alerts', 'operations']);
    expect(report.failures).toEqual([
      { id: 'incidents', title: 'Incidents', error: expect.stringMatching(/timed out|aborted/) },
      { id: 'kpis', title: 'KPIs', error: 'prometheus unreachable' },
    ]);
    const message = reportMessage(report);
    expect(message.text).toContain('2 section(s) failed');
    expect(textOf(message)).toContain('Could not gather:* Incidents');
    expect(textOf(message)).toContain('KPIs (prometheus unreachable)');
  });

  it('the weekly maintenance reminder carries the seeds’ checklist', async () => {
    const report = await service({}).build('weekly-maintenance');
    const text = textOf(reportMessage(report));
    expect(report.title).toBe('Weekly maintenance');
    expect(text).toContain('Sunday 02:00–04:00 UTC');
    expect(text).toContain('Clear old logs, keep 30 days');
    expect(text).toContain('Disable automated deployments');
  });
});
