import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../../src/cli/check/block-kit-limits.js';
import { handlerActionId } from '../../../src/core/command.js';
import type { Message } from '../../../src/core/message.js';
import { actions } from '../../../src/views/blocks.js';

describe('buttons of one handler in one message', () => {
  const block = actions([
    { text: 'cache-clear', actionId: 'bers:ops:request', value: 'a' },
    { text: 'vacuum', actionId: 'bers:ops:request', value: 'b' },
    { text: 'Cancel', actionId: 'bers:ops:cancel' },
    { text: 'dlq-reprocess', actionId: 'bers:ops:request', value: 'c' },
  ]);
  const ids = (block as { elements: { action_id: string }[] }).elements.map((e) => e.action_id);

  it('carry distinct action ids, which Slack requires', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(blockKitProblems({ text: 'ops', blocks: [block] } as Message)).toEqual([]);
  });

  it('all route to their handler', () => {
    expect(ids.map(handlerActionId)).toEqual([
      'bers:ops:request',
      'bers:ops:request',
      'bers:ops:cancel',
      'bers:ops:request',
    ]);
  });
});
