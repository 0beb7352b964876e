import { describe, expect, it } from 'vitest';
import type { OperationArg } from '../../../src/actions/operation.js';
import { UsageError } from '../../../src/core/errors.js';
import { fieldError, namedArgs, needsForm, promptedArgs } from '../../../src/runbooks/act-args.js';
import { cacheArg, ttlArg } from '../../helpers/operation-args.js';

const cache = cacheArg();
const ttl = ttlArg;
const note: OperationArg = { type: 'string', name: 'note', optional: true, pattern: '.*', maxLength: 64 };

describe('runbook gather and act steps', () => {
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
