import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { buildHealthService } from '../../../src/health/build-health-service.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';

const examples = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);

describe('shipped configs', () => {
  it('has one example per seed system', () => {
    expect(examples.sort()).toEqual([
      'examples/ai-chat.yaml',
      'examples/bers-monitoring.yaml',
      'examples/bers-operations.yaml',
      'examples/unjucks.yaml',
      'examples/upload-bridge.yaml',
    ]);
  });

  it.each([...examples, 'bers.config.yaml'])(
    '%s loads with the real loader and builds its checkers',
    async (file) => {
      // No environment at all: every ${VAR} in a shipped file has a default.
      const config = await loadConfig(file, {});
      expect(config.services.length).toBeGreaterThan(0);
      const health = buildHealthService(config, new ManualClock(), healthProbes);
      expect(health.serviceNames()).toEqual(config.services.map((s) => s.name));
    },
  );

  it('takes hosts and secrets from the environment', async () => {
    const config = await loadConfig('examples/unjucks.yaml', {
      UNJUCKS_DB_PASSWORD: 's3cret',
      UNJUCKS_DB_HOST: 'db.internal',
    });
    const db = config.services.find((s) => s.name === 'unjucks-db')!;
    expect(db.checks[0]).toMatchObject({
      kind: 'postgres',
      url: 'postgres://monitor:s3cret@db.internal:5432/unjucks',
    });
  });

  it('keeps secrets out of the files', async () => {
    for (const file of examples) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/^\s*[\w-]*(password|token|secret)[\w-]*\s*:\s*[^$\s]/im);
      expect(text, file).not.toMatch(/:\/\/[^/\s$:]+:[^@\s$]+@/);
    }
  });
});

describe('alerts and KPIs in the seed examples', () => {
  // No environment at all, as for the shipped configs above: the webhook token stays unset (optional).
  const load = (file: string) => loadConfig(`examples/${file}`, {});
  const sourceUrls = (definitions: { source: { kind: string; url?: string } }[]) =>
    definitions.map((d) => (d.source.kind === 'service-api' ? d.source.url : d.source.kind));

  it('bers-operations.yaml: the BERS alert API and the seed 000 KPIs, all on 3003', async () => {
    const config = await load('bers-operations.yaml');
    expect(config.alerts.sources).toEqual([
      { kind: 'bers', name: 'bers', url: 'http://127.0.0.1:3003', service: 'bers-api' },
    ]);
    expect(config.metrics.definitions.map((d) => [d.name, d.target, d.comparison])).toEqual([
      ['environment-detection-time', 100, 'below'],
      ['configuration-resolution-time', 100, 'below'],
      ['provider-initialization-time', 50, 'below'],
      ['cache-hit-rate', 90, 'above'],
      // Seed 000 KPIs: "| System Uptime | 99.9% | >99.9% |" and "| Error Rate | <1% | <0.5% |".
      ['system-uptime', 99.9, 'above'],
      ['error-rate', 1, 'below'],
    ]);
    expect(new Set(sourceUrls(config.metrics.definitions))).toEqual(new Set(['http://127.0.0.1:3003']));
  });

  it('bers-monitoring.yaml: alerts on 3003, KPIs from the metrics API on 3002', async () => {
    const config = await load('bers-monitoring.yaml');
    expect(config.alerts.sources).toMatchObject([{ kind: 'bers', url: 'http://127.0.0.1:3003' }]);
    expect(config.metrics.definitions.map((d) => [d.name, d.target, d.comparison])).toEqual([
      ['environment-detection-time', 100, 'below'],
      ['configuration-resolution-time', 100, 'below'],
      ['provider-initialization-time', 50, 'below'],
      ['cache-hit-rate', 90, 'above'],
      // Seed 001 "Build Performance": "- **Target**: <30s" (the >5s is its alert threshold).
      ['build-time', 30, 'below'],
      // Seed 001: "- Monitoring Uptime: 99.9%" and "- Error Rate: <1%".
      ['monitoring-uptime', 99.9, 'above'],
      ['error-rate', 1, 'below'],
    ]);
    expect(new Set(sourceUrls(config.metrics.definitions))).toEqual(new Set(['http://127.0.0.1:3002']));
  });

  it('the seeds name no metric for uptime or error rate: the two BERS examples take the names from the environment', async () => {
    const env = { BERS_UPTIME_METRIC: 'uptime_percent', BERS_ERROR_RATE_METRIC: 'errors_percent' };
    for (const file of ['bers-monitoring.yaml', 'bers-operations.yaml']) {
      const metricOf = (config: Awaited<ReturnType<typeof load>>, name: string) => {
        const source = config.metrics.definitions.find((d) => d.name === name)!.source;
        return source.kind === 'service-api' ? source.metric : source.kind;
      };
      const uptime = file === 'bers-monitoring.yaml' ? 'monitoring-uptime' : 'system-uptime';
      const placeholders = await load(file);
      expect([metricOf(placeholders, uptime), metricOf(placeholders, 'error-rate')]).toEqual([
        'system_uptime',
        'error_rate',
      ]);
      const named = await loadConfig(`examples/${file}`, env);
      expect([metricOf(named, uptime), metricOf(named, 'error-rate')]).toEqual([
        'uptime_percent',
        'errors_percent',
      ]);
    }
  });

  it('unjucks.yaml: Alertmanager and the seed 003 Prometheus KPIs', async () => {
    const config = await load('unjucks.yaml');
    expect(config.alerts.sources).toMatchObject([{ kind: 'alertmanager', name: 'alertmanager' }]);
    expect(config.alerts.webhook).toEqual({ source: 'alertmanager' });
    expect(config.metrics.prometheusUrl).toBe('http://prometheus:9090');
    expect(config.metrics.definitions.map((d) => [d.name, d.target, d.comparison, d.source.kind])).toEqual([
      // Seed 003 "Key Metrics": "- **Response Time**: < 200ms (95th percentile)" and
      // "- **Error Rate**: < 0.1%" — the targets, not the 500 ms / 1 % alert thresholds.
      ['unjucks-p95-response-time', 200, 'below', 'prometheus'],
      ['unjucks-error-rate', 0.1, 'below', 'prometheus'],
      ['unjucks-template-success-rate', 95, 'above', 'prometheus'],
    ]);
    // Seed 003: "- **Weekly**: Sunday 02:00-04:00 UTC (Low traffic period)", checklists 24 h and 2 h before.
    expect(config.maintenance.windows).toMatchObject([
      { name: 'weekly', cron: '0 2 * * 0', timezone: 'UTC', durationMinutes: 120, announce: [1440, 120] },
    ]);
  });

  it('ai-chat.yaml: Alertmanager routed by its alert rules, and the queue backlog KPI', async () => {
    const config = await load('ai-chat.yaml');
    expect(config.alerts.sources).toMatchObject([{ kind: 'alertmanager', name: 'alertmanager' }]);
    expect(config.alerts.webhook.token).toBeUndefined();
    expect(config.alerts.routes).toEqual([
      { match: { severity: 'critical' }, channel: '#incidents' },
      { match: { alertname: '/QueueBacklog|HighMemoryUsage/' }, channel: '#ai-chat-ops' },
    ]);
    expect(config.metrics.definitions).toMatchObject([
      { name: 'ai-chat-queue-backlog', target: 1000, comparison: 'below', source: { kind: 'prometheus' } },
    ]);
  });

  it('takes Alertmanager and Prometheus hosts from the environment', async () => {
    const config = await loadConfig('examples/unjucks.yaml', {
      ALERTMANAGER_URL: 'http://am.internal:9093',
      PROMETHEUS_URL: 'http://prom.internal:9090',
    });
    expect(config.alerts.sources[0]!.url).toBe('http://am.internal:9093');
    expect(config.metrics.prometheusUrl).toBe('http://prom.internal:9090');
  });
});
