import { describe, expect, it } from 'vitest';
import {
  channelMention,
  escapeMrkdwn,
  groupMention,
  joinMrkdwn,
  link,
  md,
  mrkdwnToPlain,
  plainWithMentions,
  renderText,
  textWithMentions,
  unescapeMrkdwn,
  userMention,
} from '../../../src/core/mrkdwn.js';
import { HOSTILE } from '../../helpers/hostile-text.js';
import { liveMarkupIn } from '../../helpers/slack-text.js';

describe('mrkdwn: plain text is escaped, markup is asked for', () => {
  it('escapes exactly & < > and nothing else (quotes, backticks and = are not HTML here)', () => {
    expect(escapeMrkdwn(`<!channel> & "it's" = \`x\``)).toBe(`&lt;!channel&gt; &amp; "it's" = \`x\``);
    expect(renderText('a < b')).toBe('a &lt; b');
  });

  it('unescapes in one pass, so an escaped entity comes back as typed', () => {
    expect(unescapeMrkdwn('&amp;lt; &lt;b&gt; &amp;amp;')).toBe('&lt; <b> &amp;');
    for (const text of HOSTILE) expect(unescapeMrkdwn(escapeMrkdwn(text))).toBe(text);
  });

  it('md keeps its literal parts and our markup, and escapes every interpolated string', () => {
    const title = '<!channel> <https://evil|click me>';
    const out = md`*${title}* by ${userMention('U0ADA')} (${3})`;
    expect(out.source).toBe('*&lt;!channel&gt; &lt;https://evil|click me&gt;* by <@U0ADA> (3)');
    expect(md`nested: ${md`_${'<x>'}_`}`.source).toBe('nested: _&lt;x&gt;_');
    expect(joinMrkdwn(['<a>', userMention('U1')], md`\n`).source).toBe('&lt;a&gt;\n<@U1>');
  });

  it('never turns something that is not an id into a token', () => {
    expect(userMention('U0ADA').source).toBe('<@U0ADA>');
    expect(userMention('ada>|<!channel').source).toBe('@ada&gt;|&lt;!channel');
    expect(groupMention('S0SRE').source).toBe('<!subteam^S0SRE>');
    expect(groupMention('S1|@x><!here').source).not.toContain('<!here');
    expect(channelMention('C0OPS').source).toBe('<#C0OPS>');
    expect(channelMention('#ops').source).toBe('#ops');
  });

  it('builds links with escaped labels and URLs that cannot end early', () => {
    expect(link('https://x.slack.com/archives/C1', '#inc-1 <!here>').source).toBe(
      '<https://x.slack.com/archives/C1|#inc-1 &lt;!here&gt;>',
    );
    expect(link('https://x/a?b=1&c=2|evil>').source).toBe('<https://x/a?b=1&amp;c=2%7Cevil%3E>');
    expect(link('javascript:alert(1)', 'x').source).toBe('x');
  });

  it('keeps stored user mentions and nothing else live (timeline lines, alert notes)', () => {
    const stored = 'Commander: <@U0BOB|bob> (assigned by ada) <!channel> <https://evil|x> <!subteam^S1>';
    const out = textWithMentions(stored);
    expect(out.source).toContain('<@U0BOB>');
    expect(liveMarkupIn({ text: out.source })).toEqual([]);
    expect(plainWithMentions(md`⏰ ${userMention('U0BOB')} *due* ${'<!here>'}`)).toBe(
      '⏰ <@U0BOB> *due* <!here>',
    );
  });

  it('reads as plain text in a plain string, never as markup', () => {
    const line = md`${userMention('U1')} in ${link('https://x/archives/C1', '#inc')} · ${'a<b'}`;
    expect(String(line)).toBe('@U1 in #inc (https://x/archives/C1) · a<b');
    expect(mrkdwnToPlain('<!here> <!subteam^S1|@sre> <#C1|ops> <!date^1|today>')).toBe(
      '@here @sre #ops today',
    );
  });

  it('cannot be forged with new, nor md called on a plain array', async () => {
    const { Mrkdwn } = await import('../../../src/core/mrkdwn.js');
    // biome-ignore lint/suspicious/noExplicitAny: forging on purpose, past the type's private key.
    expect(() => new (Mrkdwn as any)(Symbol('mrkdwn'), '<!channel>')).toThrow(TypeError);
    // biome-ignore lint/suspicious/noExplicitAny: calling the tag as a function on purpose.
    expect(() => (md as any)(['<!channel>'])).toThrow(TypeError);
  });
});
