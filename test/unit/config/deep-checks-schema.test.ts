import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../../src/config/health-schema.js';
import { problemsOf } from '../../helpers/config.js';

describe('the deeper check kinds in the config', () => {
  it('fills in the runbooks’ thresholds', () => {
    expect(
      checkSchema.parse({ kind: 'postgres-activity', url: 'postgres://monitor@db-primary/unjucks' }),
    ).toMatchObject({
      connections: { warning: 80, critical: 95 },
      ungrantedLocks: { warning: 1, critical: 10 },
      replicationLagSeconds: { warning: 30, critical: 300 },
      critical: true,
    });
    expect(checkSchema.parse({ kind: 'redis-info', url: 'redis://redis:6379' })).toMatchObject({
      memory: { warning: 80, critical: 95 },
      cluster: 'if-enabled',
    });
    expect(checkSchema.parse({ kind: 'tls', host: 'api.unjucks.dev' })).toMatchObject({
      port: 443,
      warningDays: 30,
      criticalDays: 7,
      verify: true,
    });
  });

  it('names the path of every problem', () => {
    expect(
      problemsOf(`
services:
  - name: unjucks-db
    checks:
      - { kind: postgres-activity, url: "mysql://db", connections: { warning: 120 } }
      - { kind: redis-info, url: "redis://r:6379", cluster: always }
      - { kind: tls, host: api.unjucks.dev, port: 0, warningDays: -1 }
      - { kind: http, url: "http://x/generate", method: POST, body: 42 }
`),
    ).toEqual([
      'services[0].checks[0].url: must be a postgres:// URL',
      'services[0].checks[0].connections.warning: Too big: expected number to be <=100',
      'services[0].checks[1].cluster: `always` is not one of `required`, `if-enabled`',
      'services[0].checks[2].port: Too small: expected number to be >=1',
      'services[0].checks[2].warningDays: Too small: expected number to be >=0',
      'services[0].checks[3].body: Invalid input: expected string, received number',
    ]);
  });
});
