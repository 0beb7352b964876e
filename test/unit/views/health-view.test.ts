import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../../src/cli/check/block-kit-limits.js';
import type { HealthReport, HealthStatus } from '../../../src/health/model.js';
import {
  healthDetailReply,
  healthListFits,
  healthReportFile,
  healthSummaryReply,
} from '../../../src/views/health-view.js';
import { BLOCKS_TEXT_LIMIT, blocksTextLength } from '../../helpers/slack-limits.js';

function report(count: number, status: HealthStatus, reason?: string): HealthReport {
  const width = count > 1000 ? 4 : 3;
  return {
    at: new Date('2026-01-05T09:00:00Z'),
    durationMs: 120,
    overall: status,
    services: Array.from({ length: count }, (_, i) => ({
      service: `service-${String(i).padStart(width, '0')}`,
      status,
      latencyMs: 100 + i,
      reason,
      checks: [{ name: 'api', kind: 'http', critical: true, status, latencyMs: 100 + i, reason }],
    })),
  };
}

describe('health view', () => {
  it.each([1, 200, 5000])('answers %i services within what Slack accepts, problems first', (count) => {
    const r = report(count, 'healthy');
    // One in fifty fails, with a long reason: problems must come first and keep their reasons.
    for (let i = 0; i < count; i += 50) {
      r.services[i] = {
        ...r.services[i]!,
        status: 'unhealthy',
        reason: `api: ${'connection reset '.repeat(5)}`,
      };
    }
    r.overall = 'unhealthy';
    const reply = healthSummaryReply(r, { fileNote: 'Every service is in `health.txt`' });
    expect(blockKitProblems(reply)).toEqual([]);
    expect(blocksTextLength(reply.blocks!)).toBeLessThanOrEqual(BLOCKS_TEXT_LIMIT);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain(`*${r.services[0]!.service}* unhealthy`);
    expect(text).toContain('connection reset');
    if (count === 1) return;
    expect(text.indexOf('unhealthy')).toBeLessThan(text.indexOf(':large_green_circle:'));
    if (count < 5000) return;
    expect(healthListFits(r)).toBe(false);
    expect(text).toContain('*service* 4900 healthy');
    expect(text).toContain('Every service is in `health.txt`');
  });

  it('says how old the answers shared from an earlier run were, and only then', () => {
    const own = JSON.stringify(healthSummaryReply(report(3, 'healthy')).blocks);
    expect(own).toContain('checked in 120 ms ·');
    const shared = { ...report(3, 'healthy'), durationMs: 0, sharedAgeMs: 420 };
    expect(JSON.stringify(healthSummaryReply(shared).blocks)).toContain(
      'checked in 0 ms, answers up to 420 ms old',
    );
    expect(JSON.stringify(healthDetailReply(shared).blocks)).toContain('answers up to 420 ms old');
    expect(healthReportFile(shared).content).toContain('answers up to 420 ms old');
  });

  it('lists every service in the file when they do not fit, worst first', () => {
    const r = report(5000, 'healthy');
    r.services[4999] = { ...r.services[4999]!, status: 'unhealthy', reason: 'api: HTTP 503' };
    const file = healthReportFile(r);
    const rows = file.content.trim().split('\n').slice(1);
    expect(rows).toHaveLength(5000);
    expect(rows[0]).toMatch(/^unhealthy +service-4999 .* api: HTTP 503$/);
  });

  it("shows 200 unhealthy services with long reasons within Slack's limits", () => {
    const r = report(200, 'unhealthy', `api: ${'connection reset by peer '.repeat(40)}`);
    const reply = healthSummaryReply(r);
    expect(blockKitProblems(reply)).toEqual([]);
    expect(blocksTextLength(reply.blocks!)).toBeLessThanOrEqual(BLOCKS_TEXT_LIMIT);
    // Not all fit: the reply says how many more are in the full list.
    expect(healthListFits(r)).toBe(false);
    expect(JSON.stringify(reply.blocks)).toMatch(/…and \d+ more problems, in the full list/);
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
