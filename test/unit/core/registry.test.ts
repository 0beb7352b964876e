import { describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../../src/core/command.js';
import { handlersOf } from '../../../src/core/registry.js';
import { formOwner, recordingCommand } from './pipeline-harness.js';

describe('the handler registry', () => {
  it('lists commands, subcommands and their buttons and modals under the ids Slack sends', () => {
    const { command } = formOwner();
    const sub: AnyCommand = {
      ...recordingCommand('child', 'read').command,
      actions: { go: { permission: 'read', run: async () => undefined } },
    };
    const ids = handlersOf([{ ...command, subcommands: [sub] }]).map((h) =>
      h.kind === 'command' ? `command ${h.path.join(' ')}` : `${h.kind} ${h.id}`,
    );
    expect(ids).toEqual([
      'command thing',
      'view bers:thing:form',
      'command thing child',
      'action bers:thing.child:go',
    ]);
  });
});
