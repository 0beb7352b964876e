import { describe, expect, it } from 'vitest';
import { cleanStrings, cleanText } from '../../../src/core/clean-text.js';

describe('cleanText', () => {
  it('strips NUL and replaces lone surrogates, keeping pairs (emoji) and other text', () => {
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText('\uD800x\uDC00')).toBe('\uFFFDx\uFFFD');
    expect(cleanText('🔥 \u202eRTL\u200b')).toBe('🔥 \u202eRTL\u200b');
    expect(cleanText('\uDBFF')).toBe('\uFFFD');
  });

  it('returns the very string when nothing needs cleaning', () => {
    const text = 'health web';
    expect(cleanText(text)).toBe(text);
  });

  it('cleans every string and key of a parsed payload', () => {
    expect(cleanStrings({ 'k\u0000': ['v\uD800', 1, null, { x: true }] })).toEqual({
      k: ['v\uFFFD', 1, null, { x: true }],
    });
  });
});
