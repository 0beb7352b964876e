import { describe, expect, it } from 'vitest';
import { triggerBody } from '../../../../src/integrations/pagerduty/events-body.js';
import { pageRequest, pagingConfig } from '../../../helpers/pagerduty.js';

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
