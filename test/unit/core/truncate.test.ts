import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../../src/core/mrkdwn.js';
import { truncateMrkdwn, truncatePlain } from '../../../src/core/truncate.js';
import { header, SLACK_LIMITS, section } from '../../../src/views/blocks.js';

const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** Every prefix of `whole` that a cut could leave must be one of its grapheme boundaries. */
function cutOnGraphemes(cut: string, whole: string): boolean {
  const body = cut.replace(/…$/, '');
  let at = '';
  for (const g of graphemes(whole)) {
    if (at === body) return true;
    at += g;
  }
  return at === body;
}

describe('truncation for Slack limits', () => {
  it('leaves text within the limit untouched', () => {
    expect(truncatePlain('short', 10)).toBe('short');
    expect(truncateMrkdwn('a &amp; b', 9)).toBe('a &amp; b');
  });

  it('never splits an entity', () => {
    const source = escapeMrkdwn('&'.repeat(1000));
    for (const max of [2, 3, 5, 6, 7, 100, 2999]) {
      const cut = truncateMrkdwn(source, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/…$/, '')).toMatch(/^(&amp;)*$/);
    }
  });

  it('never splits a token we built or an emoji code', () => {
    const atoms = ['<@U0ADA>', '<https://x.slack.com/archives/C1|#inc-1>', ':rotating_light:'];
    const source = `${'x'.repeat(20)} ${atoms.join(' ')} end`;
    for (let max = 2; max < source.length; max++) {
      const cut = truncateMrkdwn(source, max).replace(/…$/, '');
      expect(source.startsWith(cut)).toBe(true);
      for (const atom of atoms) {
        const start = source.indexOf(atom);
        // Either the cut ends before the atom starts, or the atom is in it whole.
        expect(cut.length <= start || cut.length >= start + atom.length, cut).toBe(true);
      }
    }
  });

  it('never splits a surrogate pair, a ZWJ sequence, a flag, a skin tone or a combining mark', () => {
    const text = '👩‍👩‍👧‍👦🇩🇪👍🏽é\u202Eolleh\u200B'.repeat(40);
    for (let max = 2; max < 120; max++) {
      for (const cut of [truncatePlain(text, max), truncateMrkdwn(escapeMrkdwn(text), max)]) {
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cutOnGraphemes(cut, text), JSON.stringify(cut)).toBe(true);
        expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }
    }
  });

  it('applies Slack limits in the builders: headers (plain) and sections (mrkdwn)', () => {
    const title = `${'🚨'.repeat(100)}<!channel>`;
    const h = header(title) as { text: { type: string; text: string } };
    expect(h.text.type).toBe('plain_text');
    expect(h.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(cutOnGraphemes(h.text.text, title)).toBe(true);
    const s = section('<&>'.repeat(2000)) as { text: { text: string } };
    expect(s.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(s.text.text).toMatch(/^(&lt;&amp;&gt;)+(&lt;|&lt;&amp;)?…$/);
  });
});
