import { describe, expect, it } from 'vitest';
import { freeText, fromSlackText, parseMention, plainAtName } from '../../../src/core/command-text.js';
import { tokenize } from '../../../src/core/tokenize.js';
import { HOSTILE } from '../../helpers/hostile-text.js';
import { FakeDirectory, slackEscapedText } from '../../helpers/slack-text.js';

const directory = new FakeDirectory((name) => (name === 'ops' ? 'C0OPS' : undefined))
  .addUser('U0ADA', 'ada')
  .addGroup('S0SRE', 'sre');
/** What the user typed → what Slack sends with should_escape on → what the command sees. */
const roundTrip = (typed: string) => fromSlackText(slackEscapedText(typed, directory));

describe('command text from Slack (should_escape on)', () => {
  it('keeps mentions of people and groups as tokens and decodes everything else to what was typed', () => {
    expect(slackEscapedText('assign 12 @ada commander', directory)).toBe('assign 12 <@U0ADA|ada> commander');
    expect(roundTrip('assign 12 @ada commander')).toBe('assign 12 <@U0ADA|ada> commander');
    expect(roundTrip('page @sre in #ops: a & b <c> @channel https://x.example/a?b&c')).toBe(
      'page <!subteam^S0SRE|@sre> in #ops: a & b <c> @channel https://x.example/a?b&c',
    );
  });

  it('gives back exactly what was typed for text with no mentions, however hostile', () => {
    // Typed literally, tokens are escaped by Slack and so come back as the text they were.
    for (const typed of HOSTILE) expect(roundTrip(typed)).toBe(typed);
    expect(roundTrip('&amp; is typed as is')).toBe('&amp; is typed as is');
    expect(roundTrip('<!channel> typed literally')).toBe('<!channel> typed literally');
  });

  it('reads links as their text, never hiding where they go', () => {
    expect(fromSlackText('see <https://x.example/a|x.example/a> and <http://y.example|y.example>')).toBe(
      'see x.example/a and y.example',
    );
    expect(fromSlackText('<https://evil.example|click me>')).toBe('click me (https://evil.example)');
    expect(fromSlackText('<mailto:a@b.example|a@b.example> <!date^1700000000^{date}|Nov 14>')).toBe(
      'a@b.example Nov 14',
    );
  });

  it('leaves text alone that Slack did not tokenise (should_escape off)', () => {
    expect(fromSlackText('the <status> page')).toBe('the <status> page');
  });

  it('parses mentions, with or without the name Slack adds', () => {
    expect(parseMention('<@U0ADA|ada>')).toEqual({ kind: 'user', id: 'U0ADA', name: 'ada' });
    expect(parseMention('<@U0ADA>')).toEqual({ kind: 'user', id: 'U0ADA' });
    expect(parseMention('<!subteam^S0SRE|@sre>')).toEqual({ kind: 'group', id: 'S0SRE', name: 'sre' });
    expect(parseMention('<@U0ADA|ada>x')).toBeUndefined();
    expect(parseMention('@ada')).toBeUndefined();
    expect(plainAtName('@ada')).toBe('ada');
    expect(plainAtName('@')).toBeUndefined();
  });

  it('reads mentions in free text as the person typed them', () => {
    const tokens = tokenize(roundTrip('note 12 asked @ada and @sre, "@ada said ok"'));
    expect(freeText(tokens.slice(2))).toBe('asked @ada and @sre, @ada said ok');
    expect(freeText(['<@U0ADA>'])).toBe('@U0ADA');
  });
});
