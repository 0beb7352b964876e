import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

/** Roles granted to a Slack user group that Slack says does not exist (deleted, or a typo). */
describe('a user group Slack cannot read', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
permissions:
  roles: { sre: { groups: [S0GONE] } }
  grants: { incident: [sre], operate: [sre], admin: [sre] }
actions:
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [${JSON.stringify(process.execPath)}, -e, '0'] } }
`),
    });
    h.slack.on('usergroups.users.list', () => ({ ok: false, error: 'no_such_subteam' }));
  });
  afterAll(() => h.close());

  const warnings = () =>
    h.logs
      .lines()
      .filter((l) => l.level === 40)
      .map((l) => String(l.msg));

  it.each([
    ['incident declare P3 db slow', /not allowed to run `\/bers incident declare`/],
    ['restart web', /not allowed to restart web in production/],
  ])('`%s` is refused with the reason, not ":boom:", and audited as denied', async (text, reason) => {
    const { reply } = await h.command(text, { id: 'U0BOB', name: 'bob' });
    expect(String(reply.text)).toMatch(reason);
    expect(String(reply.text)).not.toContain(':boom:');
    const [row] = await h.bot.services.audit.recent(1, { kind: 'command' });
    expect(row).toMatchObject({ actorId: 'U0BOB', outcome: 'denied' });
    expect(warnings().some((w) => w.includes('cannot read user group members'))).toBe(true);
  });
});
