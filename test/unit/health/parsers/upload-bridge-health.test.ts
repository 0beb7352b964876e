import { describe, expect, it } from 'vitest';
import { parseUploadBridgeHealth } from '../../../../src/health/parsers/upload-bridge-health.js';
import { fixture } from '../../../helpers/target-server.js';

const sample = () => JSON.parse(fixture('seed-health/upload-bridge-health.json')) as Record<string, unknown>;

describe('parseUploadBridgeHealth (seed 002)', () => {
  it('reads the fixture: degraded, with memory as the reason and every check as a component', () => {
    const outcome = parseUploadBridgeHealth(sample());
    expect(outcome.status).toBe('degraded');
    expect(outcome.reason).toBe('memory degraded: memory 78.4% used (3.5 of 16 GB free)');
    expect(outcome.components).toEqual([
      { name: 'application', status: 'healthy', reason: 'Application is running' },
      { name: 'memory', status: 'degraded', reason: 'memory 78.4% used (3.5 of 16 GB free)' },
      { name: 'disk', status: 'healthy', reason: 'disk 60.5% used (197.5 of 500 GB free)' },
      { name: 'cpu', status: 'healthy', reason: 'cpu 25.3% used' },
    ]);
    expect(outcome.details).toEqual({ reportedAt: '2024-01-01T12:00:00' });
  });

  it('is healthy when the service and all its checks are', () => {
    const body = sample();
    body.status = 'healthy';
    (body.checks as Record<string, Record<string, unknown>>).memory!.status = 'healthy';
    expect(parseUploadBridgeHealth(body)).toMatchObject({
      status: 'healthy',
      reason: 'healthy, 4 checks healthy',
    });
  });

  it('lets an unhealthy component win over a milder top-level status', () => {
    const body = sample();
    (body.checks as Record<string, Record<string, unknown>>).disk!.status = 'unhealthy';
    const outcome = parseUploadBridgeHealth(body);
    expect(outcome.status).toBe('unhealthy');
    expect(outcome.reason).toContain('disk unhealthy: disk 60.5% used');
    expect(outcome.reason).toContain('memory degraded');
  });

  it.each([
    [null, 'expected a JSON object with a status'],
    ['healthy', 'expected a JSON object with a status'],
    [[1, 2], 'expected a JSON object with a status'],
    [{}, 'the response has no status and no checks'],
    [{ status: 'splendid' }, 'unrecognised status "splendid"'],
  ])('turns the unexpected body %j into unknown: %s', (body, reason) => {
    expect(parseUploadBridgeHealth(body)).toMatchObject({ status: 'unknown', reason });
  });

  it('survives malformed checks without crashing', () => {
    const outcome = parseUploadBridgeHealth({
      status: 'healthy',
      checks: {
        memory: 'full',
        disk: { status: 42, percent_used: 'lots' },
        cpu: { status: 'healthy', percent_used: 12 },
      },
    });
    expect(outcome.status).toBe('unknown');
    expect(outcome.components).toEqual([
      { name: 'memory', status: 'unknown', reason: 'not an object' },
      { name: 'disk', status: 'unknown', reason: 'unrecognised status 42' },
      { name: 'cpu', status: 'healthy', reason: 'cpu 12.0% used' },
    ]);
  });

  it('bounds what a huge or hostile body can put into a reply', () => {
    const checks = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`c${i}`, { status: 'unhealthy', message: 'x'.repeat(5000) }]),
    );
    const outcome = parseUploadBridgeHealth({ status: 'unhealthy', checks });
    expect(outcome.components).toHaveLength(31);
    expect(outcome.components!.at(-1)).toEqual({ name: '+70 more', status: 'unhealthy' });
    expect(outcome.components![0]!.reason!.length).toBeLessThanOrEqual(200);
    expect(outcome.reason).toMatch(/; \+95 more$/);
  });
});
