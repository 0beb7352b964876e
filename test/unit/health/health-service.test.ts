import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.js';
import type { BersError } from '../../../src/core/errors.js';
import { NotFoundError } from '../../../src/core/errors.js';
import { buildHealthService } from '../../../src/health/build-health-service.js';
import { knownErrorReply } from '../../../src/views/error-reply.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';
import { configFrom } from '../../helpers/config.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

describe('health service: running checks', () => {
  let target: TargetServer;
  let barrier: ServerResponse[] = [];
  const BARRIER = 20;
  beforeAll(async () => {
    target = await startTarget((req, res) => {
      const path = req.url ?? '';
      if (path.startsWith('/barrier/')) {
        // Answers only once every barrier check is waiting: passes only if they run concurrently.
        barrier.push(res);
        if (barrier.length === BARRIER) for (const r of barrier.splice(0)) json(r, 200, 'ok');
        return;
      }
      if (path === '/ok') return json(res, 200, 'ok');
      if (path === '/hang') return;
      json(res, 404, 'no');
    });
  });
  afterAll(() => target.close());

  it('runs every check of every service concurrently', async () => {
    barrier = [];
    const services = Array.from(
      { length: BARRIER / 4 },
      (_, s) => `
  - name: svc-${s}
    checks:
${[0, 1, 2, 3].map((c) => `      - { name: c${c}, kind: http, url: "${target.url}/barrier/${s}-${c}" }`).join('\n')}`,
    ).join('');
    const health = buildHealthService(
      configFrom(`services:${services}\nhealth: { timeoutMs: 10000, deadlineMs: 20000 }`),
      systemClock,
      healthProbes,
    );
    const report = await health.check();
    expect(report.services).toHaveLength(5);
    expect(report.services.flatMap((s) => s.checks.map((c) => c.status))).toEqual(
      Array(BARRIER).fill('healthy'),
    );
    expect(report.overall).toBe('healthy');
  });

  it('reports a hanging target at its own timeout while the others answer', async () => {
    const health = buildHealthService(
      configFrom(`
services:
  - name: api
    checks:
      - { name: live, kind: http, url: "${target.url}/ok" }
      - { name: stuck, kind: http, url: "${target.url}/hang", timeoutMs: 300 }
health: { timeoutMs: 10000, deadlineMs: 20000 }
`),
      systemClock,
      healthProbes,
    );
    const [api] = (await health.check()).services;
    expect(api!.checks).toMatchObject([
      { name: 'live', status: 'healthy', reason: 'HTTP 200' },
      { name: 'stuck', status: 'unhealthy', reason: 'no answer within 300 ms' },
    ]);
    expect(api!.status).toBe('unhealthy');
    expect(api!.reason).toBe('stuck: no answer within 300 ms');
  });

  it('turns checks still running at the overall deadline into unknown', async () => {
    const health = buildHealthService(
      configFrom(`
services:
  - name: fast
    checks: [{ kind: http, url: "${target.url}/ok" }]
  - name: late
    checks: [{ kind: http, url: "${target.url}/hang", timeoutMs: 60000 }]
health: { timeoutMs: 10000, deadlineMs: 300 }
`),
      systemClock,
      healthProbes,
    );
    const report = await health.check();
    expect(report.services.map((s) => [s.service, s.status, s.reason])).toEqual([
      ['fast', 'healthy', undefined],
      ['late', 'unknown', 'http: no result before the overall deadline'],
    ]);
    expect(report.overall).toBe('unknown');
  });

  it('derives a service status from critical and non-critical checks', async () => {
    const health = buildHealthService(
      configFrom(`
services:
  - name: degraded-by-optional
    checks:
      - { name: api, kind: http, url: "${target.url}/ok" }
      - { name: docs, kind: http, url: "${target.url}/missing", critical: false }
  - name: down
    checks:
      - { name: api, kind: http, url: "${target.url}/missing" }
      - { name: docs, kind: http, url: "${target.url}/ok", critical: false }
  - name: all-good
    checks:
      - { name: api, kind: http, url: "${target.url}/ok" }
`),
      systemClock,
      healthProbes,
    );
    const report = await health.check();
    expect(report.services.map((s) => [s.service, s.status])).toEqual([
      ['degraded-by-optional', 'degraded'],
      ['down', 'unhealthy'],
      ['all-good', 'healthy'],
    ]);
    expect(report.services[0]!.reason).toBe('docs: HTTP 404');
    expect(report.overall).toBe('unhealthy');
  });

  it('checks only the services named, and refuses unknown names listing the known ones', async () => {
    const health = buildHealthService(
      configFrom(`
services:
  - { name: web, checks: [{ kind: http, url: "${target.url}/ok" }] }
  - { name: db, checks: [{ kind: tcp, host: 127.0.0.1, port: ${target.port} }] }
`),
      systemClock,
      healthProbes,
    );
    const report = await health.check(['DB', 'db']);
    expect(report.services.map((s) => s.service)).toEqual(['db']);
    await expect(health.check(['web', 'cache', '`<!here>`'])).rejects.toThrow(NotFoundError);
    await expect(health.check(['cache'])).rejects.toThrow(
      'Unknown service: `cache`. Known services: `web`, `db`.',
    );
    const unknown = health.check(['cache', '`<!here>`']);
    await expect(unknown).rejects.toThrow(
      'Unknown services: `cache`, `<!here>`. Known services: `web`, `db`.',
    );
    // Plain text in the error; escaped once, where the reply is rendered.
    const reply = knownErrorReply((await unknown.catch((e: unknown) => e)) as BersError);
    expect(JSON.stringify(reply.blocks)).toContain('`&lt;!here&gt;`');
    expect(JSON.stringify(reply.blocks)).not.toContain('<!here>');
  });
});
