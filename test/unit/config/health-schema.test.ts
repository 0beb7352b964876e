import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { problemsOf } from '../../helpers/config.js';

describe('health config', () => {
  it('accepts every check kind with its defaults', () => {
    const config = parseConfig(
      `
services:
  - name: all
    checks:
      - { kind: http, url: "http://127.0.0.1:1/health" }
      - { kind: json-status, url: "http://127.0.0.1:1/status", headers: { x-api-key: k } }
      - { kind: bers, url: "http://127.0.0.1:3001/api/monitoring/health" }
      - { kind: tcp, host: 127.0.0.1, port: 1 }
      - { kind: postgres, url: "postgres://u@127.0.0.1/db" }
      - { kind: redis, url: "redis://127.0.0.1:6379" }
      - { kind: prometheus, url: "http://127.0.0.1:9090", query: 'up{job="api"}' }
      - { kind: system }
`,
      'x.yaml',
      {},
    );
    const checks = config.services[0]!.checks;
    expect(checks.map((c) => c.kind)).toEqual([
      'http',
      'json-status',
      'bers',
      'tcp',
      'postgres',
      'redis',
      'prometheus',
      'system',
    ]);
    expect(checks[4]).toMatchObject({ query: 'SELECT 1', critical: true });
    expect(checks[6]).toMatchObject({ unhealthy: { below: 1 } });
    expect(checks[7]).toMatchObject({
      memory: { warning: 75, critical: 90 },
      disk: { warning: 80, critical: 90, path: '/' },
    });
    expect(config.health).toEqual({
      timeoutMs: 3000,
      deadlineMs: 8000,
      reuseResultsMs: 1000,
      circuitBreaker: { failureThreshold: 3, cooldownMs: 60000 },
    });
  });

  it('requires unique check names per service (the default name is the kind), at the path', () => {
    expect(
      problemsOf(`
services:
  - name: a
    checks:
      - { kind: tcp, host: h, port: 1 }
      - { kind: tcp, host: h, port: 2 }
      - { name: db, kind: postgres, url: "postgres://h/db" }
      - { name: db, kind: redis, url: "redis://h" }
  - name: b
    checks:
      - { kind: tcp, host: h, port: 1 }
      - { name: tcp-2, kind: tcp, host: h, port: 2 }
`),
    ).toEqual([
      'services[0].checks[1].name: duplicate check name "tcp" (also checks[0]); give each check its own name',
      'services[0].checks[3].name: duplicate check name "db" (also checks[2]); give each check its own name',
    ]);
  });

  it('names the path of a bad check field', () => {
    expect(
      problemsOf(`
services:
  - name: a
    checks:
      - { kind: redis, url: "http://h" }
      - { kind: prometheus, url: "http://h:9090" }
      - { kind: system, memory: { warning: 150 } }
`),
    ).toEqual([
      'services[0].checks[0].url: must be a redis:// URL',
      'services[0].checks[1].query: Invalid input: expected string, received undefined',
      'services[0].checks[2].memory.warning: Too big: expected number to be <=100',
    ]);
  });
});
