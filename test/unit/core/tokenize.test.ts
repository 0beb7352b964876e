import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/tokenize.js';

describe('tokenize', () => {
  it('splits on whitespace and keeps quoted groups', () => {
    expect(tokenize('incident note "db is back" \'and ok\'')).toEqual([
      'incident',
      'note',
      'db is back',
      'and ok',
    ]);
  });
  it('treats Slack smart quotes as quotes and drops control characters', () => {
    expect(tokenize('note “two words”\u0007 x')).toEqual(['note', 'two words', 'x']);
  });
  it('survives garbage of any kind', () => {
    const garbage = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    expect(() => tokenize(garbage)).not.toThrow();
  });
});
