import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { SeverityPolicies } from '../../../src/incident/severity-policies.js';
import { configFrom, MINIMAL_CONFIG } from '../../helpers/config.js';

describe('severity policies (seed 003 defaults)', () => {
  const policies = new SeverityPolicies(configFrom(MINIMAL_CONFIG).incidents);
  const monday10 = new Date('2026-01-05T10:00:00Z');
  const saturday = new Date('2026-01-10T12:00:00Z');

  it('parses any case and lists the known severities otherwise', () => {
    expect(policies.parse('p1')).toBe('P1');
    expect(() => policies.parse('P7')).toThrow(UsageError);
    expect(() => policies.parse('P7')).toThrow(/P0 \(Complete service outage\), P1/);
  });

  it('pages P0 now, P1 if unacknowledged within an hour, P2 and P3 never by default', () => {
    expect(policies.paging('P0', monday10).kind).toBe('now');
    expect(policies.paging('P1', monday10)).toMatchObject({
      kind: 'if-unacknowledged',
      at: new Date('2026-01-05T11:00:00Z'),
    });
    expect(policies.paging('P2', monday10).kind).toBe('none');
    expect(policies.paging('P3', monday10).kind).toBe('none');
  });

  it('pages a business-hours severity at once inside business hours, else at the next opening', () => {
    const config = configFrom(`${MINIMAL_CONFIG}
incidents:
  severities:
    P2: { description: Degraded performance, respondWithinMinutes: 240, paging: business-hours, updateEveryMinutes: 120 }
`);
    const businessHours = new SeverityPolicies(config.incidents);
    expect(businessHours.paging('P2', monday10).kind).toBe('now');
    expect(businessHours.paging('P2', saturday)).toMatchObject({
      kind: 'at',
      at: new Date('2026-01-12T09:00:00Z'),
    });
  });

  it('sets the next update by cadence (none for P3)', () => {
    expect(policies.nextUpdateAt('P0', monday10)).toEqual(new Date('2026-01-05T10:15:00Z'));
    expect(policies.nextUpdateAt('P2', monday10)).toEqual(new Date('2026-01-05T12:00:00Z'));
    expect(policies.nextUpdateAt('P3', monday10)).toBeUndefined();
  });

  it('keeps existing configs valid and names the path of a bad incidents section', () => {
    expect(configFrom(MINIMAL_CONFIG).incidents.announcementChannel).toBe('#incidents');
    expect(() =>
      configFrom(
        `${MINIMAL_CONFIG}incidents:\n  severities:\n    P1: { description: x, respondWithinMinutes: 60, paging: sometimes, updateEveryMinutes: 30 }\n`,
      ),
    ).toThrow(/incidents\.severities\.P1\.paging/);
  });
});
