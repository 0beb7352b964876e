import { describe, expect, it } from 'vitest';
import { createRollbackCommand } from '../../../commands/rollback.js';
import { actionPorts } from './action-ports.js';
import { ADA, CHANNEL, click, runWith } from './context.js';

const target = (environment: string) => ({ service: 'unjucks-api', environment, settings: {} });
const who = { actor: ADA, channel: CHANNEL, correlationId: 'req-1' };

describe('/bers rollback (against in-memory action ports)', () => {
  it('to the previous revision: a rollback request with no arguments', async () => {
    const { deps, calls } = actionPorts();
    await runWith(createRollbackCommand(deps), ['unjucks-api']);
    expect(calls).toEqual([['request', 'rollback', target('production'), who, {}]]);
  });

  it('to a named revision, in an environment', async () => {
    const { deps, calls } = actionPorts();
    await runWith(createRollbackCommand(deps), ['unjucks-api', 'staging', 'to', '41']);
    expect(calls).toEqual([['request', 'rollback', target('staging'), who, { revision: '41' }]]);
  });

  it('`to` is case-insensitive and needs exactly one revision', async () => {
    const { deps, calls } = actionPorts();
    const command = createRollbackCommand(deps);
    await runWith(command, ['unjucks-api', 'TO', '40']);
    expect(calls[0]![4]).toEqual({ revision: '40' });
    expect(command.args.safeParse(['unjucks-api', 'to']).success).toBe(false);
    expect(command.args.safeParse(['unjucks-api', 'to', '40', '41']).success).toBe(false);
    expect(command.args.safeParse(['unjucks-api', 'prod', 'staging']).success).toBe(false);
    expect(command.args.safeParse([]).success).toBe(false);
  });

  it('the Roll back button under a failed verification is a new rollback request', async () => {
    const { deps, calls } = actionPorts();
    const value = JSON.stringify({ service: 'unjucks-api', environment: 'staging' });
    const reply = await createRollbackCommand(deps).actions!.request!.run(click(value));
    expect(calls).toEqual([
      [
        'request',
        'rollback',
        target('staging'),
        { actor: ADA, channel: CHANNEL, correlationId: 'req-click' },
      ],
    ]);
    expect(reply?.replaceOriginal).toBe(false);
  });

  it('a forged Roll back value is a usage error, and requests nothing', async () => {
    const { deps, calls } = actionPorts();
    await expect(createRollbackCommand(deps).actions!.request!.run(click('{not json'))).rejects.toThrow(
      'That button is malformed.',
    );
    expect(calls).toEqual([]);
  });
});
