import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../../src/core/clock.js';
import { bersChecker } from '../../../../src/health/checks/bers-check.js';
import { jsonStatusChecker } from '../../../../src/health/checks/json-status-check.js';
import { CircuitBreaker } from '../../../../src/health/circuit-breaker.js';
import { attemptCheck } from '../../../../src/health/run-check.js';
import { fixture, hang, json, startTarget, type TargetServer } from '../../../helpers/target-server.js';
import { checkConfig, patient } from './check-config.js';

describe('json-status and bers checks against real endpoints', () => {
  let target: TargetServer;
  beforeAll(async () => {
    target = await startTarget((req, res) => {
      switch (req.url) {
        case '/upload-bridge/health':
          return json(res, 200, fixture('seed-health/upload-bridge-health.json'));
        case '/upload-bridge/unhealthy':
          return json(res, 503, {
            status: 'unhealthy',
            checks: { application: { status: 'unhealthy', message: 'worker pool exhausted' } },
          });
        case '/api/monitoring/health':
          return json(res, 200, fixture('seed-health/bers-monitoring-health.json'));
        case '/secured':
          return json(res, req.headers['x-api-key'] === 'k' ? 200 : 401, {
            success: true,
            data: { overallStatus: 'healthy' },
          });
        case '/html':
          res.writeHead(502, { 'content-type': 'text/html' });
          return void res.end('<html>Bad Gateway</html>');
        case '/empty':
          return void res.writeHead(200).end();
        case '/garbage':
          return json(res, 500, { hello: 'world' });
        case '/hang':
          return hang(req, res, '');
        default:
          return json(res, 404, {});
      }
    });
  });
  afterAll(() => target.close());

  const uploadBridge = (path: string) =>
    jsonStatusChecker(checkConfig({ kind: 'json-status', url: `${target.url}${path}` })).check(patient());
  const bers = (path: string, headers?: Record<string, string>) =>
    bersChecker(checkConfig({ kind: 'bers', url: `${target.url}${path}`, headers })).check(patient());

  it('json-status reads the Upload Bridge fixture over HTTP', async () => {
    const outcome = await uploadBridge('/upload-bridge/health');
    expect(outcome).toMatchObject({ status: 'degraded', details: { statusCode: 200 } });
    expect(outcome.reason).toContain('memory 78.4% used');
    expect(outcome.components).toHaveLength(4);
  });

  it('json-status reads a 503 that still carries the JSON verdict', async () => {
    expect(await uploadBridge('/upload-bridge/unhealthy')).toMatchObject({
      status: 'unhealthy',
      reason: 'application unhealthy: worker pool exhausted (HTTP 503)',
    });
  });

  it('bers reads the BERS monitoring fixture over HTTP', async () => {
    const outcome = await bers('/api/monitoring/health');
    expect(outcome.status).toBe('degraded');
    expect(outcome.reason).toContain('configuration-validity degraded');
    expect(outcome.components!.map((c) => c.name)).toContain('provider-health');
  });

  it('sends configured headers', async () => {
    expect((await bers('/secured', { 'x-api-key': 'k' })).status).toBe('healthy');
    expect((await bers('/secured')).status).toBe('unhealthy');
  });

  it.each([
    ['/html', 'HTTP 502 with a body that is not JSON'],
    ['/empty', 'HTTP 200 with an empty body'],
    ['/garbage', 'HTTP 500: the response has no status and no checks'],
    ['/nowhere', 'HTTP 404: the response has no status and no checks'],
  ])('json-status: %s is unhealthy with a clear reason', async (path, reason) => {
    expect(await uploadBridge(path)).toMatchObject({ status: 'unhealthy', reason });
  });

  it('bers: an unexpected 2xx JSON body is unknown, an error page unhealthy', async () => {
    expect(await bers('/upload-bridge/health')).toMatchObject({
      status: 'unknown',
      reason: 'the response has no data object',
    });
    expect(await bers('/html')).toMatchObject({
      status: 'unhealthy',
      reason: 'HTTP 502 with a body that is not JSON',
    });
  });

  it("a hanging endpoint is reported at the check's timeout", async () => {
    const result = await attemptCheck(
      {
        name: 'api',
        kind: 'bers',
        critical: true,
        timeoutMs: 200,
        checker: bersChecker(checkConfig({ kind: 'bers', url: `${target.url}/hang` })),
        breaker: new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 }, new ManualClock()),
      },
      new AbortController(),
    );
    expect(result).toMatchObject({ status: 'unhealthy', reason: 'no answer within 200 ms' });
  });
});
