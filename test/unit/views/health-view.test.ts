import { describe, expect, it } from 'vitest';
import type { HealthReport, HealthStatus } from '../../../src/health/model.js';
import { healthDetailReply, healthSummaryReply } from '../../../src/views/health-view.js';

function report(count: number, status: HealthStatus, reason?: string): HealthReport {
  return {
    at: new Date('2026-01-05T09:00:00Z'),
    durationMs: 120,
    overall: status,
    services: Array.from({ length: count }, (_, i) => ({
      service: `service-${String(i).padStart(3, '0')}`,
      status,
      latencyMs: 100 + i,
      reason,
      checks: [{ name: 'api', kind: 'http', critical: true, status, latencyMs: 100 + i, reason }],
    })),
  };
}

describe('health view', () => {
  it("lists 200 unhealthy services with long reasons within Slack's limits, none cut off", () => {
    const reply = healthSummaryReply(
      report(200, 'unhealthy', `api: ${'connection reset by peer '.repeat(40)}`),
    );
    const blocks = reply.blocks!;
    expect(blocks.length).toBeLessThanOrEqual(50);
    const sections = blocks as { type: string; text?: { text: string } }[];
    const texts = sections.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    const all = texts.join('\n');
    for (let i = 0; i < 200; i++) expect(all).toContain(`*service-${String(i).padStart(3, '0')}* unhealthy`);
    expect(all).not.toContain('…\n:red_circle: *service-000');
  });

  it('sorts worst first and escapes what targets said', () => {
    const r = report(2, 'healthy');
    r.services[1] = { ...r.services[1]!, status: 'degraded', reason: 'disk <90%> & rising' };
    const text = JSON.stringify(healthSummaryReply(r).blocks);
    expect(text.indexOf('service-001')).toBeLessThan(text.indexOf('service-000'));
    expect(text).toContain('disk &lt;90%&gt; &amp; rising');
  });

  it('shows each check with the components the target reported', () => {
    const r = report(1, 'degraded', 'health: memory degraded');
    r.services[0]!.checks[0]!.components = [
      { name: 'memory', status: 'degraded', reason: 'memory 78.4% used' },
      { name: 'cpu', status: 'healthy' },
    ];
    r.services[0]!.checks.push({
      name: 'docs',
      kind: 'http',
      critical: false,
      status: 'healthy',
      latencyMs: 3,
    });
    const text = JSON.stringify(healthDetailReply(r).blocks);
    expect(text).toContain('`api` (http) degraded · 100 ms — health: memory degraded');
    expect(text).toContain(':large_yellow_circle: memory — memory 78.4% used');
    expect(text).toContain('`docs` (http) healthy · 3 ms _(non-critical)_');
  });
});
