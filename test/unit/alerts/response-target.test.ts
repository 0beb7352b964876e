import { describe, expect, it } from 'vitest';
import { channelFor, type LabelRoute } from '../../../src/alerts/alert-notifier.js';
import { severityOf } from '../../../src/alerts/model.js';
import { formatAge, nextBusinessDayEnd, responseStatus } from '../../../src/alerts/response-target.js';

const targets = { critical: 5, warning: 30 };

describe('response targets (seed 000)', () => {
  it('marks a critical alert overdue after 5 minutes and a warning after 30', () => {
    const start = new Date('2026-03-02T10:00:00Z');
    expect(responseStatus('critical', start, new Date('2026-03-02T10:04:59Z'), targets).overdue).toBe(false);
    expect(responseStatus('critical', start, new Date('2026-03-02T10:05:01Z'), targets).overdue).toBe(true);
    expect(responseStatus('warning', start, new Date('2026-03-02T10:29:00Z'), targets).overdue).toBe(false);
  });

  it('gives info alerts until the end of the next business day, skipping the weekend', () => {
    expect(nextBusinessDayEnd(new Date('2026-03-02T10:00:00Z')).toISOString()).toBe(
      '2026-03-03T23:59:59.999Z',
    );
    expect(nextBusinessDayEnd(new Date('2026-03-06T18:00:00Z')).toISOString()).toBe(
      '2026-03-09T23:59:59.999Z',
    );
    const friday = new Date('2026-03-06T18:00:00Z');
    expect(responseStatus('info', friday, new Date('2026-03-08T12:00:00Z'), targets).overdue).toBe(false);
  });

  it('formats ages compactly', () => {
    expect(formatAge(45_000)).toBe('45 s');
    expect(formatAge(12 * 60_000)).toBe('12 min');
    expect(formatAge(185 * 60_000)).toBe('3 h 5 min');
    expect(formatAge(52 * 3_600_000)).toBe('2 d 4 h');
  });

  it('maps the severity words of the sources onto three levels', () => {
    expect(severityOf('CRITICAL')).toBe('critical');
    expect(severityOf('error')).toBe('critical');
    expect(severityOf('warn')).toBe('warning');
    expect(severityOf(undefined)).toBe('info');
  });
});

describe('label routes', () => {
  const routes: LabelRoute[] = [
    { match: { team: 'payments' }, channel: '#payments' },
    { match: { team: '/plat.*/', severity: 'critical' }, channel: '#platform-critical' },
  ];
  it('picks the first route whose labels all match, regex values anchored', () => {
    expect(channelFor({ team: 'payments' }, routes, '#alerts')).toBe('#payments');
    expect(channelFor({ team: 'platform', severity: 'critical' }, routes, '#alerts')).toBe(
      '#platform-critical',
    );
    expect(channelFor({ team: 'platform', severity: 'warning' }, routes, '#alerts')).toBe('#alerts');
    expect(channelFor({ team: 'xplatform', severity: 'critical' }, routes, '#alerts')).toBe('#alerts');
  });
});
