import { describe, expect, it } from 'vitest';
import type { OperationArg } from '../../../src/actions/operation.js';
import { runbookIssues } from '../../../src/config/runbook-issues.js';
import { runbookSchema } from '../../../src/config/runbook-schema.js';
import { UsageError } from '../../../src/core/errors.js';
import { fieldError, namedArgs, needsForm, promptedArgs } from '../../../src/runbooks/act-args.js';

const cache: OperationArg = { type: 'enum', name: 'cache', optional: false, values: ['configuration'] };
const ttl: OperationArg = {
  type: 'duration',
  name: 'ttl',
  optional: false,
  min: '1m',
  max: '1h',
  unit: 'ms',
};
const note: OperationArg = { type: 'string', name: 'note', optional: true, pattern: '.*', maxLength: 64 };

const parse = (steps: unknown[]) => runbookSchema.safeParse({ name: 'r', title: 'R', steps });

describe('runbook gather and act steps', () => {
  it('takes alerts, logs (defaults for `logs: true`) and query gathers, one kind per step', () => {
    const ok = parse([
      { gather: { alerts: true } },
      { gather: { logs: true } },
      { gather: { logs: { since: '1h', tail: 50, grep: 'error' } } },
      { gather: { query: { metric: 'error-rate' } } },
    ]);
    expect(ok.success).toBe(true);
    expect(ok.data!.steps[1]).toEqual({ gather: { logs: { since: '15m', tail: 20 } } });
    expect(ok.data!.steps[3]).toEqual({ gather: { query: { metric: 'error-rate', period: '1h' } } });
    const two = parse([{ gather: { alerts: true, health: true } }]);
    expect(JSON.stringify(two.error?.issues)).toContain(
      'name exactly one of health, metric, query, alerts, logs, http',
    );
    expect(parse([{ gather: { logs: { tail: 51 } } }]).success).toBe(false);
    expect(parse([{ gather: { logs: { since: '1 hour' } } }]).success).toBe(false);
  });

  it("names a query's unknown KPI and an act's fixed argument the operation does not take", () => {
    const runbook = runbookSchema.parse({
      name: 'r',
      title: 'R',
      service: 'web',
      steps: [
        { gather: { query: { metric: 'nope' } } },
        { act: { operation: 'cache-ttl', args: { cache: 'configuration', colour: 'red' } } },
      ],
    });
    const issues = runbookIssues(runbook, {
      services: [{ name: 'web', aliases: [] }],
      metrics: { definitions: [] },
      actions: { services: { web: { operations: { 'cache-ttl': { args: [cache, ttl] } } } } },
    });
    expect(issues).toEqual([
      {
        path: ['steps', 0, 'gather', 'query', 'metric'],
        message: 'unknown metric "nope" (metrics.definitions)',
      },
      { path: ['steps', 1, 'act', 'args', 'colour'], message: 'cache-ttl has no argument "colour"' },
    ]);
  });

  it('asks only for what the step leaves open, and checks every value by its type', () => {
    expect(needsForm([cache, ttl], { cache: 'configuration' })).toBe(true);
    expect(needsForm([cache, ttl, note], { cache: 'configuration', ttl: '5m' })).toBe(false);
    expect(promptedArgs([cache, ttl, note], { cache: 'configuration' }).map((a) => a.name)).toEqual([
      'ttl',
      'note',
    ]);
    // The step's fixed value wins over a typed one; durations reach the executor in its unit.
    expect(
      namedArgs('cache-ttl', [cache, ttl, note], { cache: 'configuration' }, { cache: 'x', ttl: '10m' }),
    ).toEqual({
      cache: 'configuration',
      ttl: '600000',
    });
    expect(() => namedArgs('cache-ttl', [cache, ttl], {}, { cache: 'configuration' })).toThrow(
      'cache-ttl needs its ttl: a duration from 1m to 1h',
    );
    expect(() =>
      namedArgs('cache-ttl', [cache, ttl], {}, { cache: 'configuration', ttl: '5m', x: '1' }),
    ).toThrow('cache-ttl has no argument x.');
    for (const bad of [
      '; rm -rf /',
      '$(id)',
      '-rf',
      '--config=/etc/shadow',
      'a\nb',
      '`id`',
      '2h',
      'x'.repeat(300),
    ]) {
      expect(() => namedArgs('cache-ttl', [cache, ttl], {}, { cache: 'configuration', ttl: bad })).toThrow(
        UsageError,
      );
      expect(fieldError(ttl, bad)).toContain('expected a duration from 1m to 1h');
      expect(fieldError(note, `-${bad}`)).toContain('Not a valid note');
    }
    expect(fieldError(note, '')).toBeUndefined();
    expect(fieldError(ttl, ' ')).toBe('Needed: a duration from 1m to 1h (e.g. 30s, 5m, 1h).');
  });
});
