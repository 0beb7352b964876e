import { describe, expect, it } from 'vitest';
import { createRestartCommand } from '../../../commands/restart.js';
import { confirmationMessage } from '../../../src/views/actions-view.js';
import { actionPorts, pendingRequest } from './action-ports.js';
import { ADA, CHANNEL, click, commandContext, runWith } from './context.js';

const who = { actor: ADA, channel: CHANNEL, correlationId: 'req-1' };

describe('/bers restart (against in-memory action ports)', () => {
  it('requests a restart of the target and answers with its confirmation', async () => {
    const { deps, calls } = actionPorts();
    const reply = await runWith(createRestartCommand(deps), ['unjucks-api', 'staging']);
    expect(calls).toEqual([
      ['request', 'restart', { service: 'unjucks-api', environment: 'staging', settings: {} }, who],
    ]);
    expect(reply).toEqual(confirmationMessage(pendingRequest()));
  });

  it('without an environment, the action service picks the default one', async () => {
    const { deps, calls } = actionPorts();
    await runWith(createRestartCommand(deps), ['unjucks-api']);
    expect(calls[0]![2]).toMatchObject({ environment: 'production' });
  });

  it('needs a service, and at most an environment after it', () => {
    const { args } = createRestartCommand(actionPorts().deps);
    expect(args.safeParse([]).success).toBe(false);
    expect(args.safeParse(['a', 'b', 'c']).success).toBe(false);
  });

  it('Confirm confirms as the clicker, says it is running, then executes', async () => {
    const { deps, calls } = actionPorts();
    const responses: unknown[] = [];
    const reply = await createRestartCommand(deps).actions!.confirm!.run(
      click('req-7', { respond: async (r) => void responses.push(r) }),
    );
    const clicker = { actor: ADA, channel: CHANNEL, correlationId: 'req-click' };
    expect(calls.map((c) => c[0])).toEqual(['confirm', 'execute']);
    expect(calls[0]).toEqual(['confirm', 'req-7', clicker]);
    expect(responses).toHaveLength(1);
    expect(reply).toBeUndefined();
  });

  it('Cancel cancels the request and says who did', async () => {
    const { deps, calls } = actionPorts();
    const reply = await createRestartCommand(deps).actions!.cancel!.run(click('req-7'));
    expect(calls).toEqual([
      ['cancel', 'req-7', { actor: ADA, channel: CHANNEL, correlationId: 'req-click' }],
    ]);
    expect(JSON.stringify(reply)).toContain('Cancelled by <@U0ADA>');
  });

  it('--incident N ties the request to an open incident; typed in its channel, no flag is needed', async () => {
    const open = [{ number: 12, channelId: 'C0INC12' }];
    const flagged = actionPorts(pendingRequest(), open);
    await runWith(createRestartCommand(flagged.deps), ['unjucks-api', '--incident', '12']);
    expect(flagged.calls[0]![3]).toEqual({ ...who, incident: 12 });
    const inChannel = actionPorts(pendingRequest(), open);
    const channel = { id: 'C0INC12', name: 'inc-12-checkout' };
    await runWith(createRestartCommand(inChannel.deps), ['unjucks-api'], commandContext({ channel }));
    expect(inChannel.calls[0]![3]).toMatchObject({ incident: 12 });
  });

  it('an unknown or resolved incident is answered and nothing is requested', async () => {
    const resolved = [{ number: 3, channelId: 'C0INC3', resolvedAt: new Date('2026-12-01T00:00:00Z') }];
    const { deps, calls } = actionPorts(pendingRequest(), resolved);
    const command = createRestartCommand(deps);
    await expect(runWith(command, ['unjucks-api', '--incident', '99'])).rejects.toThrow(
      'There is no incident #99, so nothing was requested.',
    );
    await expect(runWith(command, ['unjucks-api', '--incident', '3'])).rejects.toThrow(
      'Incident #3 is resolved, so nothing was requested.',
    );
    expect(command.args.safeParse(['unjucks-api', '--incident', 'twelve']).success).toBe(false);
    expect(calls).toEqual([]);
  });

  it('reads nothing from the context’s services', async () => {
    // commandContext's services throw on any read: the command uses only the ports it was built with.
    await runWith(createRestartCommand(actionPorts().deps), ['unjucks-api'], commandContext());
  });
});
