import { describe, expect, it } from 'vitest';
import type { ActionHandler, AnyCommand } from '../../../src/core/command.js';
import { ConflictError, NotFoundError, UnavailableError, UsageError } from '../../../src/core/errors.js';
import type { Reply } from '../../../src/core/message.js';
import { EVE, IC, pipelineWith, recordingCommand, request } from './pipeline-harness.js';

describe('the pipeline: commands', () => {
  it('runs an allowed command, answers once, audits one row under the given request id', async () => {
    const { command, runs } = recordingCommand('deploy', 'operate');
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    const outcome = await pipeline.handle(
      request(IC, replies, { kind: 'command', text: 'deploy now' }),
      'req-1',
    );
    expect(outcome).toBe('ok');
    expect(runs).toEqual([{ args: ['now'], requestId: 'req-1', groups: undefined }]);
    expect(replies.map((r) => r.text)).toEqual(['deploy ran']);
    expect(audit).toEqual([
      expect.objectContaining({
        kind: 'command',
        subject: 'deploy',
        text: 'deploy now',
        outcome: 'ok',
        correlationId: 'req-1',
        actor: IC,
      }),
    ]);
  });

  it('makes a fresh request id when none is given', async () => {
    const { command, runs } = recordingCommand('deploy', 'read');
    const { pipeline, audit } = pipelineWith([command]);
    await pipeline.handle(request(IC, [], { kind: 'command', text: 'deploy' }));
    expect(runs[0]!.requestId).toMatch(/^[0-9a-f]{8}$/);
    expect(audit[0]!.correlationId).toBe(runs[0]!.requestId);
  });

  it('refuses a user without the permission before the handler or its argument parsing runs', async () => {
    const { command, runs } = recordingCommand('deploy', 'operate');
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    const text = 'deploy far too many words';
    expect(await pipeline.handle(request(EVE, replies, { kind: 'command', text }))).toBe('denied');
    expect(runs).toEqual([]);
    expect(replies).toEqual([
      expect.objectContaining({
        visibility: 'ephemeral',
        text: expect.stringMatching(/not allowed.*`operate`/),
      }),
    ]);
    expect(audit.map((a) => `${a.subject} ${a.outcome}`)).toEqual(['deploy denied']);
  });

  it('answers an unknown command and bad arguments with usage, audited as usage', async () => {
    const { command } = recordingCommand('deploy', 'read');
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    await pipeline.handle(request(IC, replies, { kind: 'command', text: 'frobnicate' }));
    await pipeline.handle(request(IC, replies, { kind: 'command', text: 'deploy a b c' }));
    expect(replies[0]!.text).toContain('`frobnicate` is not a bers command');
    expect(replies[1]!.text).toContain('at most two words');
    expect(replies[1]!.text).toContain('/bers deploy <word>');
    expect(audit.map((a) => `${a.subject} ${a.outcome}`)).toEqual(['(none) usage', 'deploy usage']);
  });

  it.each([
    [new NotFoundError('no such thing'), 'not_found', ':no_entry: no such thing'],
    [new ConflictError('already done'), 'conflict', ':no_entry: already done'],
    [new UnavailableError('source down'), 'unavailable', ':no_entry: source down'],
    [new UsageError('bad'), 'usage', 'bad'],
  ])('maps %s to the outcome %s', async (error, outcome, text) => {
    const { command } = recordingCommand('deploy', 'read', error);
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    expect(await pipeline.handle(request(IC, replies, { kind: 'command', text: 'deploy' }))).toBe(outcome);
    expect(replies[0]!.text).toContain(text);
    expect(audit[0]!.outcome).toBe(outcome);
  });

  it('answers an unexpected error with its reference, and logs it in full under that reference', async () => {
    const { command } = recordingCommand('deploy', 'read', new TypeError('kaboom'));
    const { pipeline, audit, logs } = pipelineWith([command]);
    const replies: Reply[] = [];
    expect(await pipeline.handle(request(IC, replies, { kind: 'command', text: 'deploy' }), 'req-9')).toBe(
      'error',
    );
    expect(replies[0]!.text).toContain('reference `req-9`');
    expect(replies[0]!.text).not.toContain('kaboom');
    const line = logs.lines().find((l) => l.correlationId === 'req-9' && l.level === 50);
    expect(line?.err).toMatchObject({ message: 'kaboom' });
    expect(audit[0]).toMatchObject({ outcome: 'error', correlationId: 'req-9' });
  });

  it('still answers when the audit write fails, and logs the failure', async () => {
    const { command } = recordingCommand('deploy', 'read');
    const { pipeline, logs } = pipelineWith([command], {}, { auditFails: true });
    const replies: Reply[] = [];
    expect(await pipeline.handle(request(IC, replies, { kind: 'command', text: 'deploy' }))).toBe('ok');
    expect(replies).toHaveLength(1);
    expect(logs.text()).toContain('audit write failed');
  });
});

describe('the pipeline: actors and their groups', () => {
  it('grants a role held through a user group', async () => {
    const { command, runs } = recordingCommand('deploy', 'operate');
    const { pipeline } = pipelineWith([command], {}, { groupsOf: async () => ['S_IC'] });
    expect(await pipeline.handle(request(EVE, [], { kind: 'command', text: 'deploy' }))).toBe('ok');
    expect(runs[0]!.groups).toEqual(['S_IC']);
  });

  it('a failed group lookup (no_such_subteam) is no groups and a warning: a refusal, not an error', async () => {
    const { command } = recordingCommand('deploy', 'operate');
    const lookup = async () => {
      throw Object.assign(new Error('An API error occurred: no_such_subteam'), {
        data: { error: 'no_such_subteam' },
      });
    };
    const { pipeline, audit, logs } = pipelineWith([command], {}, { groupsOf: lookup });
    const replies: Reply[] = [];
    expect(await pipeline.handle(request(EVE, replies, { kind: 'command', text: 'deploy' }))).toBe('denied');
    expect(replies[0]!.text).toContain('not allowed');
    expect(replies[0]!.text).not.toContain(':boom:');
    expect(audit[0]!.outcome).toBe('denied');
    expect(
      logs
        .lines()
        .filter((l) => l.level === 40)
        .map((l) => l.msg),
    ).toEqual([expect.stringContaining('cannot look up the user groups')]);
  });
});

describe('the pipeline: buttons', () => {
  const clicks: string[] = [];
  const ack: ActionHandler = {
    permission: 'incident',
    async run(inv) {
      clicks.push(`${inv.actor.id} ${inv.value} ${inv.requestId}`);
      return { text: 'acknowledged', replaceOriginal: false };
    },
  };
  const fails: ActionHandler = {
    permission: 'read',
    run: async () => {
      throw new ConflictError('already acknowledged');
    },
  };
  const owner: AnyCommand = { ...recordingCommand('thing', 'read').command, actions: { ack, fails } };

  it('checks the permission the button declares, the same way as a command', async () => {
    const { pipeline, audit } = pipelineWith([owner]);
    const replies: Reply[] = [];
    const click = (actor: typeof IC) =>
      pipeline.handle(
        request(actor, replies, { kind: 'action', actionId: 'bers:thing:ack', value: '7' }),
        'r',
      );
    expect(await click(EVE)).toBe('denied');
    expect(await click(IC)).toBe('ok');
    expect(clicks).toEqual(['U_IC 7 r']);
    expect(replies[0]).toMatchObject({
      replaceOriginal: false,
      text: expect.stringContaining('not allowed'),
    });
    expect(audit.map((a) => `${a.kind} ${a.subject} ${a.actor.id} ${a.outcome} ${a.text}`)).toEqual([
      'action bers:thing:ack U_EVE denied 7',
      'action bers:thing:ack U_IC ok 7',
    ]);
  });

  it('known errors use the same outcome names as commands, and never replace the message', async () => {
    const { pipeline, audit } = pipelineWith([owner]);
    const replies: Reply[] = [];
    await pipeline.handle(request(IC, replies, { kind: 'action', actionId: 'bers:thing:fails', value: '' }));
    expect(replies).toEqual([
      expect.objectContaining({ text: ':no_entry: already acknowledged', replaceOriginal: false }),
    ]);
    expect(audit[0]!.outcome).toBe('conflict');
  });

  it('an action id nobody handles is answered and audited, not dropped', async () => {
    const { pipeline, audit } = pipelineWith([owner]);
    const replies: Reply[] = [];
    const outcome = await pipeline.handle(
      request(IC, replies, { kind: 'action', actionId: 'bers:thing:gone', value: 'x' }),
    );
    expect(outcome).toBe('not_found');
    expect(replies[0]!.text).toContain('That button is no longer handled');
    expect(audit.map((a) => `${a.kind} ${a.subject} ${a.outcome}`)).toEqual([
      'action bers:thing:gone not_found',
    ]);
  });
});
