import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { MONDAY_10, texts } from './config.js';

/** Declaring with what you know, as Slack sends it (should_escape: true). */
describe('incident declare with --service, --impact and --commander', () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(MONDAY_10);
  const settled = (n: number) =>
    pollUntil(async () => (await h.bot.services.incidents.pendingSteps(n)) === 0, {
      what: `incident #${n}'s steps`,
      timeoutMs: 10_000,
      intervalMs: 20,
    });
  const posts = (to: string | undefined) =>
    texts(h.slack.callsTo('chat.postMessage').filter((c) => c.channel === to));

  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: unjucks-api
    owners: [U0OWNER, S0SRE]
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
  - name: unjucks-db
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
`),
      clock,
      shouldEscape: true,
    });
    h.slack.directory.addUser('U0ADA', 'ada').addUser('U0GRACE', 'grace').addGroup('S0SRE', 'sre');
    h.slack.on('usergroups.users.list', (args) => ({
      ok: true,
      users: args.usergroup === 'S0SRE' ? ['U0SRE1', 'U0SRE2'] : [],
    }));
  });
  afterAll(() => h.close());

  it('takes the services and impact, makes the declarer commander and invites the owners', async () => {
    const { reply } = await h.command(
      'incident declare P1 checkout failing --service unjucks-api --impact "EU checkout 500s"',
    );
    expect(String(reply.text)).toContain('Declared incident #1 (P1)');
    await settled(1);
    const incident = (await h.bot.services.incidents.get(1))!;
    expect(incident).toMatchObject({
      title: 'checkout failing',
      services: ['unjucks-api'],
      impact: 'EU checkout 500s',
      commanderId: 'U0ADA',
    });
    const [report] = posts(incident.channelId);
    expect(report).toContain('*Impact:* EU checkout 500s');
    expect(report).toContain('*Incident Commander:* <@U0ADA>');
    expect(report).not.toContain('unassigned_*');
    const invited = h.slack.callsTo('conversations.invite').map((c) => c.users);
    expect(invited).toEqual(['U0ADA', 'U0OWNER', 'U0SRE1', 'U0SRE2']);
    const notice = posts(incident.channelId).find((p) => p.includes('invited as responders'))!;
    expect(notice).toContain('<@U0OWNER>, <!subteam^S0SRE>: you own unjucks-api');
    // No commander flag: the incident has one from the start.
    expect(await h.bot.services.timers.pending('incident:1:commander')).toEqual([]);
  });

  it('names another commander with --commander @name, or none with --commander none', async () => {
    await h.command('incident declare P2 --commander @grace search is slow --service=unjucks-db,unjucks-api');
    const second = (await h.bot.services.incidents.get(2))!;
    expect(second).toMatchObject({ commanderId: 'U0GRACE', services: ['unjucks-db', 'unjucks-api'] });
    await h.command('incident declare P1 payments are slow --commander none');
    const third = (await h.bot.services.incidents.get(3))!;
    expect(third.commanderId).toBeUndefined();
    expect((await h.bot.services.timers.pending('incident:3:commander')).map((t) => t.kind)).toEqual([
      'incident.commander-check',
    ]);
  });

  it('refuses what it cannot use, saying how to type it', async () => {
    const cases: [string, RegExp][] = [
      ['incident declare P1 db down --servce unjucks-db', /`--servce` is not a declare option/],
      ['incident declare P1 db down --impact', /`--impact` needs a value/],
      [
        'incident declare P1 db down --service nope',
        /Unknown service nope; configured: unjucks-api, unjucks-db/,
      ],
      ['incident declare P1 db down --commander @sre', /`@sre` is a user group/],
      ['incident declare P1 db down --commander nobody', /`--commander` takes a person/],
    ];
    for (const [text, expected] of cases) {
      const { reply } = await h.command(text);
      expect(reply.response_type, text).toBe('ephemeral');
      expect(String(reply.text), text).toMatch(expected);
      // The reply's text is sent escaped, as Slack shows `<name>`.
      expect(String(reply.text), text).toContain('--service &lt;name&gt;');
    }
    expect((await h.bot.services.incidents.listOpen()).map((i) => i.number)).toEqual([1, 3, 2]);
  });

  it('documents the syntax in help', async () => {
    const { reply } = await h.command('help incident declare');
    const text = String(reply.text).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    expect(text).toContain('[--service <name>]… [--impact "<text>"] [--commander <@user|none>] [--private]');
    const examples = JSON.parse(JSON.stringify(reply.blocks)) as { elements?: { text: string }[] }[];
    const shown = examples.flatMap((b) => b.elements ?? []).map((e) => e.text);
    expect(shown.join('\n')).toContain('--impact "EU checkout 500s" --commander @ada');
  });
});
