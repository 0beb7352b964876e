import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { buildHealthService } from '../../../src/health/build-health-service.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';
import { configFrom } from '../../helpers/config.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

/** Runs that ask at about the same time share one call of each target (src/health/shared-check.ts). */
describe('health service: one call of a target shared by the runs that ask together', () => {
  let target: TargetServer;
  let status = 200;
  /** Requests to /held wait here until the test answers them. */
  const held: ServerResponse[] = [];
  /** Requests to /held whose client went away before an answer. */
  let abandoned = 0;
  beforeAll(async () => {
    target = await startTarget((req, res) => {
      if (req.url === '/held') {
        held.push(res);
        res.once('close', () => {
          if (!res.writableEnded) abandoned++;
        });
        return;
      }
      json(res, status, 'ok');
    });
  });
  afterAll(() => target.close());
  const hits = (path: string) => target.requests.filter((r) => r.path === path).length;
  const heldCount = async (n: number) => {
    while (held.length < n) await new Promise((r) => setTimeout(r, 5));
  };

  const service = (path: string, health = '', clock = new ManualClock()) => {
    const observed: string[] = [];
    const built = buildHealthService(
      configFrom(`
services:
  - name: web
    checks: [{ name: main, kind: http, url: "${target.url}${path}" }]
${health}
`),
      clock,
      healthProbes,
      (svc, check, st) => observed.push(`${svc}/${check}:${st}`),
    );
    return { health: built, clock, observed };
  };
  const statusOf = (report: Awaited<ReturnType<ReturnType<typeof service>['health']['check']>>) =>
    report.services[0]!.checks[0]!.status;

  it('joins concurrent runs to the call in flight: one request, one answer for all, observed once', async () => {
    const { health, observed } = service('/held');
    const before = hits('/held');
    const runs = Array.from({ length: 20 }, () => health.check());
    await heldCount(1);
    await new Promise((r) => setTimeout(r, 50)); // a second request would have arrived by now
    expect(hits('/held')).toBe(before + 1);
    json(held.shift()!, 200, 'ok');
    const reports = await Promise.all(runs);
    expect(reports.map(statusOf)).toEqual(Array(20).fill('healthy'));
    // Joined while in flight: each got an answer that came during its own run.
    expect(reports.map((r) => r.sharedAgeMs)).toEqual(Array(20).fill(undefined));
    expect(observed).toEqual(['web/main:healthy']);
  });

  it('shares an answer for reuseResultsMs after it came, then calls again', async () => {
    const { health, clock } = service('/plain', 'health: { reuseResultsMs: 1000 }');
    status = 200;
    const before = hits('/plain');
    expect(statusOf(await health.check())).toBe('healthy');
    status = 503;
    clock.advance(999);
    const shared = await health.check();
    expect(statusOf(shared)).toBe('healthy');
    expect(shared.sharedAgeMs).toBe(999);
    expect(hits('/plain')).toBe(before + 1);
    clock.advance(1);
    const own = await health.check();
    expect(statusOf(own)).toBe('unhealthy');
    expect(own.sharedAgeMs).toBeUndefined();
    expect(hits('/plain')).toBe(before + 2);
    status = 200;
  });

  it('calls the target on every run with reuseResultsMs 0', async () => {
    const { health } = service('/plain', 'health: { reuseResultsMs: 0 }');
    const before = hits('/plain');
    await Promise.all([health.check(), health.check(), health.check()]);
    expect(hits('/plain')).toBe(before + 3);
  });

  it('always calls for a re-check after an operation (bypassBreaker), and later runs share that answer', async () => {
    const { health } = service('/plain');
    status = 503;
    const before = hits('/plain');
    expect(statusOf(await health.check())).toBe('unhealthy');
    status = 200;
    expect(statusOf(await health.check(['web'], { bypassBreaker: true }))).toBe('healthy');
    expect(statusOf(await health.check())).toBe('healthy');
    expect(hits('/plain')).toBe(before + 2);
  });

  it('cuts a run at its deadline while a later run still waits, and the call answers that one', async () => {
    const clock = new ManualClock();
    const { health } = service('/held', 'health: { deadlineMs: 150, timeoutMs: 5000 }', clock);
    const first = health.check();
    await heldCount(1);
    await new Promise((r) => setTimeout(r, 100));
    const second = health.check(); // joins the call in flight, with a deadline 100 ms later
    expect((await first).services[0]!.checks[0]).toMatchObject({
      status: 'unknown',
      reason: 'no result before the overall deadline',
    });
    json(held.shift()!, 200, 'ok');
    expect(statusOf(await second)).toBe('healthy');
    expect(abandoned).toBe(0);
  });

  it('aborts the call once no run waits for it, and does not share the unknown', async () => {
    const { health } = service('/held', 'health: { deadlineMs: 100, timeoutMs: 5000 }');
    const before = hits('/held');
    const cut = await health.check();
    expect(statusOf(cut)).toBe('unknown');
    while (abandoned === 0) await new Promise((r) => setTimeout(r, 5));
    held.length = 0;
    abandoned = 0;
    const next = health.check();
    await heldCount(1);
    expect(hits('/held')).toBe(before + 2);
    json(held.shift()!, 200, 'ok');
    expect(statusOf(await next)).toBe('healthy');
  });

  it('a run during a half-open trial shares the trial call instead of answering unknown', async () => {
    const clock = new ManualClock();
    const { health } = service(
      '/held',
      'health: { timeoutMs: 100, circuitBreaker: { failureThreshold: 1, cooldownMs: 1000 } }',
      clock,
    );
    expect(statusOf(await health.check())).toBe('unhealthy'); // no answer within 100 ms: opens
    held.length = 0;
    clock.advance(1000);
    const trial = health.check();
    await heldCount(1);
    const concurrent = health.check();
    json(held.shift()!, 200, 'ok');
    expect([statusOf(await trial), statusOf(await concurrent)]).toEqual(['healthy', 'healthy']);
  });
});
