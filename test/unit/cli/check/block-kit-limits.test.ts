import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../../../src/cli/check/block-kit-limits.js';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const button = (action_id: string, text = 'Go') => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text },
});

describe("Slack's Block Kit limits, checked from outside the builders", () => {
  it('passes a message within every limit', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Health: ok' } },
      { type: 'section', text: mrkdwn('x'.repeat(3000)), fields: [mrkdwn('a'), mrkdwn('b')] },
      { type: 'context', elements: [mrkdwn('checked in 12 ms')] },
      { type: 'actions', block_id: 'b1', elements: [button('bers:x:confirm'), button('bers:x:cancel')] },
      { type: 'divider' },
    ];
    expect(blockKitProblems({ text: 'ok', blocks })).toEqual([]);
  });

  it('names the path of each problem', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
      { type: 'section', text: mrkdwn('s'.repeat(3001)) },
      { type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) },
      { type: 'section', text: mrkdwn('') },
      { type: 'actions', elements: [button('same', 'b'.repeat(76)), button('same')] },
      { type: 'context', elements: [] },
      { type: 'tabel' },
    ];
    expect(blockKitProblems({ text: '', blocks })).toEqual([
      'text: is empty (Slack needs a notification text)',
      'blocks[0].text.text: 151 characters; Slack allows 150',
      'blocks[1].text.text: 3001 characters; Slack allows 3000',
      'blocks[2].fields: 11 fields; Slack allows 10',
      'blocks[3].text: is empty',
      'blocks[4].elements[0].text.text: 76 characters; Slack allows 75',
      'blocks[4].elements[1].action_id: "same" is used twice',
      'blocks[5].elements: a context needs at least one element',
      'blocks[6].type: unknown block type "tabel"',
    ]);
  });

  it('counts blocks and refuses a block id used twice', () => {
    const divider = { type: 'divider', block_id: 'd' };
    const problems = blockKitProblems({
      text: 't',
      blocks: Array.from({ length: 51 }, () => ({ ...divider })),
    });
    expect(problems[0]).toBe('blocks: 51 blocks; Slack allows 50');
    expect(problems[1]).toBe('blocks[1].block_id: "d" is used twice');
  });
});
