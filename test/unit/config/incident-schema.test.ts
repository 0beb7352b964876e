import { describe, expect, it } from 'vitest';
import { incidentSettingsSchema } from '../../../src/config/incident-schema.js';

describe('incident settings', () => {
  it('gives the built-in severities the same defaults as configured ones', () => {
    const { severities } = incidentSettingsSchema.parse({});
    expect(Object.keys(severities)).toEqual(['P0', 'P1', 'P2', 'P3']);
    // A page resolved in PagerDuty resolves the incident here unless a team says `notify`.
    for (const severity of Object.values(severities)) expect(severity.pagerResolve).toBe('resolve');
    expect(severities.P2!.requireCommander).toBe(false);
    expect(severities.P0!.requireCommander).toBe(true);
  });

  it('keeps the built-in table apart from each parse', () => {
    const first = incidentSettingsSchema.parse({});
    first.severities.P0!.respondWithinMinutes = 1;
    expect(incidentSettingsSchema.parse({}).severities.P0!.respondWithinMinutes).toBe(15);
  });
});
