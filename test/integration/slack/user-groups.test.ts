import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allCommands } from '../../../commands/index.js';
import type { Command } from '../../../src/core/command.js';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

const restart: Command<string[]> = {
  name: 'restart',
  summary: 'needs operate (test only)',
  usage: ['restart'],
  permission: 'operate',
  args: z.array(z.string()),
  run: async () => ({ text: 'restarted', visibility: 'in_channel' }),
};

describe('roles granted to a Slack user group', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
permissions:
  roles:
    sre: { groups: [S0SRE] }
  grants:
    operate: [sre]
`),
      commands: (services) => [...allCommands(services), restart],
    });
    h.slack.on('usergroups.users.list', (args) =>
      args.usergroup === 'S0SRE' ? { ok: true, users: ['U0ADA'] } : { ok: false, error: 'no_such_subteam' },
    );
  });
  afterAll(() => h.close());

  it('a member of the group may run the command', async () => {
    const { reply } = await h.command('restart', { id: 'U0ADA', name: 'ada' });
    expect(reply.text).toBe('restarted');
  });

  it('anyone else is told which permission and role it needs', async () => {
    const { reply } = await h.command('restart', { id: 'U0BOB', name: 'bob' });
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('`operate` permission (sre)');
  });

  it('membership is cached, not fetched for every command', () => {
    expect(h.slack.callsTo('usergroups.users.list')).toHaveLength(1);
  });
});
