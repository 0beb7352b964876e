import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../../src/config/load-config.js';
import { MINIMAL_CONFIG, problemsOf } from '../../helpers/config.js';

describe('alerts and metrics config', () => {
  it('defaults so that existing configs stay valid', () => {
    const config = parseConfig(MINIMAL_CONFIG, 'x.yaml', {});
    expect(config.alerts).toMatchObject({
      sources: [],
      timeoutMs: 3000,
      ackSilenceMinutes: 120,
      responseMinutes: { critical: 5, warning: 30 },
      channel: '#alerts',
      routes: [],
    });
    expect(config.alerts.webhook.token).toBeUndefined();
    expect(config.metrics.definitions).toEqual([]);
  });

  it('takes the webhook token from the environment', () => {
    const config = parseConfig(
      `${MINIMAL_CONFIG}\nalerts:\n  webhook: { token: "\${AM_TOKEN}" }\n`,
      'x.yaml',
      {
        AM_TOKEN: 'a-long-enough-secret-token',
      },
    );
    expect(config.alerts.webhook.token).toBe('a-long-enough-secret-token');
  });

  it('names the path of every problem', () => {
    const problems = problemsOf(`${MINIMAL_CONFIG}
alerts:
  sources:
    - { kind: alertmanager, name: am, url: not-a-url }
    - { kind: bers, name: am, url: "http://x:3003" }
    - { kind: nagios, name: n, url: "http://x" }
  routes: [{ match: {}, channel: "#x" }]
  webhook: { token: short, source: nope }
metrics:
  definitions:
    - { name: latency, unit: ms, target: 100, comparison: under, source: { kind: prometheus, query: up } }
    - { name: latency, unit: ms, target: 100, comparison: below, source: { kind: prometheus, query: up } }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'alerts.sources[0].url: invalid URL',
        'alerts.routes[0].match: name at least one label',
        'alerts.webhook.token: use at least 16 characters',
        expect.stringMatching(/^alerts\.sources\[2\]\.kind: /),
        expect.stringMatching(/^metrics\.definitions\[0\]\.comparison: /),
      ]),
    );
  });

  it('needs a Prometheus URL for PromQL metrics, and unique names', () => {
    const problems = problemsOf(`${MINIMAL_CONFIG}
alerts:
  sources:
    - { kind: bers, name: dup, url: "http://x:3003" }
    - { kind: bers, name: dup, url: "http://y:3003" }
metrics:
  definitions:
    - { name: latency, unit: ms, target: 100, comparison: below, source: { kind: prometheus, query: up } }
`);
    expect(problems).toEqual([
      'alerts.sources[1].name: duplicate source name',
      'metrics.definitions[0].source.url: set source.url or metrics.prometheusUrl',
    ]);
  });
});

describe('alerts and KPIs in the seed examples', () => {
  // No environment at all, as in examples.test.ts: the webhook token stays unset (optional).
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
