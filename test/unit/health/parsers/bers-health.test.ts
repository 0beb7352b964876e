import { describe, expect, it } from 'vitest';
import { parseBersHealth } from '../../../../src/health/parsers/bers-health.js';
import { fixture } from '../../../helpers/target-server.js';

const sample = () =>
  JSON.parse(fixture('seed-health/bers-monitoring-health.json')) as {
    success: boolean;
    data: Record<string, unknown> & { checks: Record<string, unknown>[] };
  };

describe('parseBersHealth (seeds 000/001)', () => {
  it('reads the fixture: degraded by configuration-validity, every check a component', () => {
    const outcome = parseBersHealth(sample());
    expect(outcome.status).toBe('degraded');
    expect(outcome.reason).toBe(
      'configuration-validity degraded: configuration resolution 131 ms > 100 ms target · 131 ms',
    );
    expect(outcome.components).toEqual([
      { name: 'environment-resolver', status: 'healthy', reason: 'detection 41 ms · 12 ms' },
      {
        name: 'configuration-validity',
        status: 'degraded',
        reason: 'configuration resolution 131 ms > 100 ms target · 131 ms',
      },
      { name: 'provider-health', status: 'healthy', reason: '18 ms' },
      { name: 'system-resources', status: 'healthy', reason: '3 ms' },
      { name: 'metrics-collector', status: 'healthy', reason: '2 ms' },
    ]);
    expect(outcome.details).toEqual({ version: '1.0.0', environment: 'production', uptimeMs: 3600000 });
  });

  it('is healthy when every check is', () => {
    const body = sample();
    body.data.overallStatus = 'healthy';
    body.data.checks[1]!.status = 'healthy';
    expect(parseBersHealth(body)).toMatchObject({ status: 'healthy', reason: 'healthy, 5 checks healthy' });
  });

  it('maps "critical" (seed 001) to unhealthy', () => {
    const body = sample();
    body.data.overallStatus = 'critical';
    expect(parseBersHealth(body).status).toBe('unhealthy');
  });

  it("reports success: false with the service's own error", () => {
    expect(parseBersHealth({ success: false, error: 'Health check failed' })).toEqual({
      status: 'unhealthy',
      reason: 'the service reported a failure: Health check failed',
    });
    expect(parseBersHealth({ success: false, error: { message: 'boom' } }).reason).toContain('boom');
    expect(parseBersHealth({ success: false }).reason).toBe('the service reported success: false');
  });

  it('reads a per-component endpoint that answers one check as data', () => {
    const outcome = parseBersHealth({
      success: true,
      data: {
        name: 'provider-health',
        status: 'unhealthy',
        responseTime: 5000,
        message: 'ChatAPIProvider timed out',
      },
    });
    expect(outcome).toMatchObject({ status: 'unhealthy', reason: 'ChatAPIProvider timed out' });
  });

  it.each([
    [null, 'expected a JSON object with success and data'],
    [{ success: true }, 'the response has no data object'],
    [{ success: true, data: [] }, 'the response has no data object'],
    [{ success: true, data: {} }, 'the response has no status and no checks'],
    [{ success: true, data: { overallStatus: 7 } }, 'unrecognised status 7'],
  ])('turns the unexpected body %j into unknown: %s', (body, reason) => {
    expect(parseBersHealth(body)).toMatchObject({ status: 'unknown', reason });
  });

  it('survives malformed checks', () => {
    const outcome = parseBersHealth({
      success: true,
      data: {
        overallStatus: 'healthy',
        checks: [null, { status: 'healthy', responseTime: 'fast' }, { name: 'x' }],
      },
    });
    expect(outcome.status).toBe('unknown');
    expect(outcome.components).toEqual([
      { name: 'check 1', status: 'unknown', reason: 'not an object' },
      { name: 'check 2', status: 'healthy' },
      { name: 'x', status: 'unknown', reason: 'unrecognised status null' },
    ]);
  });
});
