import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean } from '../../../src/core/did-you-mean.js';

const COMMANDS = [
  'health',
  'oncall',
  'incident',
  'alerts',
  'metrics',
  'report',
  'restart',
  'rollback',
  'history',
  'audit',
  'help',
];

describe('did you mean', () => {
  it('finds the command a typo meant', () => {
    expect(closestNames('helth', COMMANDS)).toEqual(['health']);
    expect(closestNames('incdent', COMMANDS)).toEqual(['incident']);
    expect(closestNames('ALERT', COMMANDS)).toEqual(['alerts']);
    expect(closestNames('restrat', COMMANDS)).toEqual(['restart']);
  });

  it('takes a prefix for the whole name, closest first', () => {
    expect(closestNames('inc', COMMANDS)).toEqual(['incident']);
    expect(closestNames('re', COMMANDS)).toEqual(['report', 'restart']);
  });

  it('suggests nothing for words that are far from every name, or already exact', () => {
    expect(closestNames('bogus', COMMANDS)).toEqual([]);
    expect(closestNames('x', COMMANDS)).toEqual([]);
    expect(closestNames('', COMMANDS)).toEqual([]);
    expect(closestNames('health', COMMANDS)).toEqual([]);
  });

  it('phrases one or several suggestions for a usage message', () => {
    expect(didYouMean('helth', COMMANDS)).toBe(' Did you mean `health`?');
    expect(didYouMean('api', ['api-gateway', 'api-worker', 'web'])).toBe(
      ' Did you mean `api-gateway` or `api-worker`?',
    );
    expect(didYouMean('zzz', COMMANDS)).toBe('');
  });
});
