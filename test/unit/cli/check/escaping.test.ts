import { describe, expect, it } from 'vitest';
import { escapingProblems, HOSTILE } from '../../../../src/cli/check/escaping.js';
import { escapeMrkdwn as escapeText } from '../../../../src/core/mrkdwn.js';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const button = (action_id: string, text = 'Go') => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text },
});

describe('escaping of outside text', () => {
  it('finds the sample where it arrives unescaped, and not where it was escaped', () => {
    const message = {
      text: `Health: ${escapeText(HOSTILE)}`,
      blocks: [
        { type: 'section', text: mrkdwn(`reason: ${HOSTILE}`) },
        { type: 'actions', elements: [{ ...button('a'), value: HOSTILE }] },
      ],
    };
    expect(escapingProblems(message)).toEqual([
      'blocks[0].text.text: outside text reaches Slack unescaped (<!channel|bers-check> would ping or link)',
    ]);
  });

  it("leaves a team's own deliberate mention alone", () => {
    expect(escapingProblems({ text: '<!here> the deploy starts now' })).toEqual([]);
  });
});
