import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
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
