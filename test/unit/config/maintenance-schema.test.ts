import { describe, expect, it } from 'vitest';
import { problemsOf, UNJUCKS_SERVICES as SERVICES } from '../../helpers/config.js';

describe('maintenance silenceMatchers', () => {
  it('refuses an unknown service, an alias, a bad label name and an empty list', () => {
    const problems = problemsOf(`${SERVICES}
maintenance:
  silenceMatchers:
    nope: [{ name: job, value: x }]
    api: [{ name: job, value: x }]
    unjucks-db: [{ name: "bad-label", value: x }]
`);
    expect(problems).toEqual([
      'maintenance.silenceMatchers.unjucks-db[0].name: a Prometheus label name',
      'maintenance.silenceMatchers.nope: unknown service',
      'maintenance.silenceMatchers.api: name the service itself, not an alias',
    ]);
    expect(
      problemsOf(`${SERVICES}
maintenance:
  silenceMatchers:
    unjucks-db: []
`),
    ).toEqual(['maintenance.silenceMatchers.unjucks-db: give at least one matcher']);
  });
});
