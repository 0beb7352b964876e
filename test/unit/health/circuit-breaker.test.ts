import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { buildHealthService } from '../../../src/health/build-health-service.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';
import { configFrom } from '../../helpers/config.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

describe('health service: circuit breaker per check', () => {
  let target: TargetServer;
  let flakyStatus = 503;
  let slowRelease: (() => void) | undefined;
  beforeAll(async () => {
    target = await startTarget((req, res) => {
      if (req.url === '/flaky') return json(res, flakyStatus, 'flaky');
      if (req.url === '/slow') {
        slowRelease = () => json(res, 200, 'ok');
        return;
      }
      json(res, 404, 'no');
    });
  });
  afterAll(() => target.close());
  const hits = (path: string) => target.requests.filter((r) => r.path === path).length;

  it('lets a verification probe through an open breaker, and its success closes the breaker', async () => {
    flakyStatus = 503;
    const clock = new ManualClock();
    const health = buildHealthService(
      configFrom(`
services:
  - name: flaky
    checks: [{ name: web, kind: http, url: "${target.url}/flaky" }]
health: { reuseResultsMs: 0, circuitBreaker: { failureThreshold: 1, cooldownMs: 60000 } }
`),
      clock,
      healthProbes,
    );
    const status = async (bypassBreaker = false) =>
      (await health.check(['flaky'], { bypassBreaker })).services[0]!.checks[0]!.status;
    expect(await status()).toBe('unhealthy');
    expect(await status()).toBe('unknown');
    flakyStatus = 200;
    const before = hits('/flaky');
    expect(await status(true)).toBe('healthy');
    expect(hits('/flaky')).toBe(before + 1);
    // Closed again: ordinary checks reach the target without waiting out the cool-down.
    expect(await status()).toBe('healthy');
    expect(hits('/flaky')).toBe(before + 2);
  });

  it('opens the breaker after N failures, stops calling the target, and half-opens after the cool-down', async () => {
    flakyStatus = 503;
    const clock = new ManualClock();
    const health = buildHealthService(
      configFrom(`
services:
  - name: flaky
    checks: [{ name: web, kind: http, url: "${target.url}/flaky" }]
health: { reuseResultsMs: 0, circuitBreaker: { failureThreshold: 2, cooldownMs: 30000 } }
`),
      clock,
      healthProbes,
    );
    const before = hits('/flaky');
    const status = async () => (await health.check(['flaky'])).services[0]!.checks[0]!;
    expect((await status()).status).toBe('unhealthy');
    expect((await status()).status).toBe('unhealthy');
    expect(hits('/flaky')).toBe(before + 2);

    expect(await status()).toMatchObject({
      status: 'unknown',
      reason: 'circuit open after 2 failures (last: HTTP 503); next try in 30 s',
      latencyMs: 0,
    });
    clock.advance(20_000);
    expect((await status()).reason).toMatch(/next try in 10 s$/);
    expect(hits('/flaky')).toBe(before + 2);

    // Half-open: one trial that fails re-opens the breaker at once.
    clock.advance(10_000);
    expect((await status()).status).toBe('unhealthy');
    expect((await status()).status).toBe('unknown');
    expect(hits('/flaky')).toBe(before + 3);

    // The next trial succeeds and closes it.
    flakyStatus = 200;
    clock.advance(30_000);
    expect((await status()).status).toBe('healthy');
    expect((await status()).status).toBe('healthy');
    expect(hits('/flaky')).toBe(before + 5);
  });

  it('lets a single trial call through while half-open', async () => {
    const clock = new ManualClock();
    const health = buildHealthService(
      configFrom(`
services:
  - name: slow
    checks: [{ kind: http, url: "${target.url}/slow", timeoutMs: 200 }]
health: { reuseResultsMs: 0, circuitBreaker: { failureThreshold: 1, cooldownMs: 1000 } }
`),
      clock,
      healthProbes,
    );
    expect((await health.check()).services[0]!.status).toBe('unhealthy');
    clock.advance(1000);
    const before = hits('/slow');
    slowRelease = undefined;
    const trial = health.check();
    const concurrent = await health.check();
    expect(concurrent.services[0]!.checks[0]).toMatchObject({
      status: 'unknown',
      reason: 'circuit half-open: a trial call is in progress (last: no answer within 200 ms)',
    });
    // Narrowing cannot see the server's handler assign it.
    const released = () => slowRelease as (() => void) | undefined;
    while (!released()) await new Promise((r) => setTimeout(r, 10));
    released()!();
    expect((await trial).services[0]!.status).toBe('healthy');
    expect(hits('/slow')).toBe(before + 1);
  });
});
