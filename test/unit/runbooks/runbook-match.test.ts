import { describe, expect, it } from 'vitest';
import { runbookSchema } from '../../../src/config/runbook-schema.js';
import { runbookFor } from '../../../src/runbooks/runbook-match.js';

const book = (name: string, matches: Record<string, string>) =>
  runbookSchema.parse({ name, title: name, matches, steps: [{ note: 'x' }] });

describe('the runbook that answers an alert', () => {
  const runbooks = [
    book('slow', { alertname: '/Configuration resolution slow|ConfigurationResolutionSlow/' }),
    book('db', { alertname: 'PostgresDown', env: 'prod' }),
  ];

  it('matches a /…/ value against the whole label, and literal values exactly', () => {
    expect(runbookFor(runbooks, { name: 'ConfigurationResolutionSlow', labels: {} })?.name).toBe('slow');
    expect(runbookFor(runbooks, { name: 'ConfigurationResolutionSlowish', labels: {} })).toBeUndefined();
    expect(
      runbookFor(runbooks, { name: 'x', labels: { alertname: 'PostgresDown', env: 'prod' } })?.name,
    ).toBe('db');
    expect(runbookFor(runbooks, { name: 'PostgresDown', labels: { env: 'staging' } })).toBeUndefined();
  });
});
