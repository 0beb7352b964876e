import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/integrations/pagerduty/backoff.js';
import { retryAfterMs } from '../../../src/integrations/pagerduty/event-sender.js';
import { triggerBody } from '../../../src/integrations/pagerduty/events-body.js';
import { servicesWithoutRoutingKey } from '../../../src/integrations/pagerduty/routing.js';
import { configFrom } from '../../helpers/config.js';
import { pageRequest, pagingConfig } from '../../helpers/pagerduty.js';

describe('Events v2 trigger body', () => {
  it('maps P0–P3 by default and follows a configured mapping', () => {
    const config = pagingConfig();
    const severities = ['P0', 'P1', 'P2', 'P3'].map(
      (severity) => triggerBody(pageRequest(1, { severity }), config.pagerduty, 'bot').payload!.severity,
    );
    expect(severities).toEqual(['critical', 'error', 'warning', 'info']);
    const custom = { ...config.pagerduty, severities: { P1: 'critical' as const } };
    expect(triggerBody(pageRequest(1, { severity: 'P1' }), custom, 'bot').payload!.severity).toBe('critical');
  });

  it('keeps the summary within 1024 characters', () => {
    const body = triggerBody(pageRequest(1, { summary: 'é'.repeat(5000) }), pagingConfig().pagerduty, 'bot');
    expect(body.payload!.summary).toHaveLength(1024);
    expect(body.payload!.summary.endsWith('…')).toBe(true);
  });
});

describe('retry timing', () => {
  it('grows exponentially with jitter, capped, and never undercuts Retry-After', () => {
    const options = { baseMs: 1000, maxMs: 30_000 };
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1000);
    expect(retryDelayMs(4, options, () => 1)).toBe(8000);
    expect(retryDelayMs(20, options, () => 1)).toBe(30_000);
    expect(retryDelayMs(1, { ...options, retryAfterMs: 7000 }, () => 0)).toBe(7000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('pagerduty config', () => {
  it('names the paging services that lack a routing key', () => {
    expect(servicesWithoutRoutingKey(pagingConfig(), undefined)).toEqual(['web']);
    expect(servicesWithoutRoutingKey(pagingConfig(), 'R0UTINGKEY0000000000000000000001')).toEqual([]);
  });

  it('rejects settings for an unknown service and an unknown severity, naming the path', () => {
    const base = `
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
pagerduty:
`;
    expect(() => configFrom(`${base}  services: { wbe: { routingKey: x } }`)).toThrow(
      /pagerduty\.services\.wbe: unknown service/,
    );
    expect(() => configFrom(`${base}  severities: { P0: urgent }`)).toThrow(/pagerduty\.severities\.P0: /);
  });
});
