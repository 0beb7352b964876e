import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;
const ADA = { id: 'U0ADA', name: 'ada' };

/** A restart run from an incident channel also answers in the thread of the incident's card. */
describe('restarts for an incident', () => {
  let h: HttpBotHarness;

  beforeAll(async () => {
    const node = JSON.stringify(process.execPath);
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
permissions:
  roles:
    sre: { users: [U0ADA] }
  grants: { operate: [sre], admin: [sre], incident: [sre] }
actions:
  verifyIntervalSeconds: 0.2
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [${node}, -e, 'console.log("restarting web")'] } }
          verifyTimeoutSeconds: 1
      operations:
        cache-clear:
          description: Clear the cache
          executor: { kind: command, argv: [${node}, -e, 'console.log("cleared")'] }
          confirm: false
          permission: operate
          verify: { kind: none }
`),
    });
  });
  afterAll(() => h.close());

  it('posts the restart result in the incident channel and in the card thread in #incidents', async () => {
    await h.command('incident declare P2 web is slow --service web', ADA);
    const incident = await pollUntil(
      async () => {
        const i = await h.bot.services.incidents.get(1);
        return i?.channelId && (await h.bot.services.incidents.pendingSteps(1)) === 0 ? i : undefined;
      },
      { what: 'the incident channel', timeoutMs: 15_000, intervalMs: 30 },
    );
    const here = { id: incident.channelId!, name: incident.channelName! };
    const { reply } = await h.command('restart web', ADA, here);
    const confirm = (reply as Json).blocks
      .filter((b: Json) => b.type === 'actions')
      .flatMap((b: Json) => b.elements)[0];
    await h.click(confirm.action_id, confirm.value, { user: ADA, channel: here });
    const card = h.slack.channelView('#incidents')[0]!;
    const thread = () => h.slack.threadOf(h.slack.channelId('#incidents'), card.ts).map((m) => m.text);
    await h.slack.waitFor(
      () => thread().some((t) => t.startsWith('Done: restart *web*')),
      15_000,
      'the restart in the card thread',
    );
    expect(h.slack.channelView(here.id).some((m) => m.text.startsWith('Done: restart *web*'))).toBe(true);
    // Only in the thread: #incidents itself still shows the one card.
    expect(h.slack.channelView('#incidents')).toHaveLength(1);
    // Typed in the incident's channel, the restart is the incident's: asked, confirmed, done, verified.
    await h.slack.waitFor(() => thread().length === 4, 15_000, 'the verification in the card thread');
    expect(thread()).toEqual([
      '🔧 ada asked to restart web (production) for incident #1; it runs once confirmed.',
      '▶️ ada confirmed: restart web (production). Running it now.',
      expect.stringMatching(/^Done: restart \*web\*/),
      expect.stringMatching(/web/),
    ]);
    const timeline = (await h.bot.services.incidents.timeline(1)).filter((e) => e.kind === 'action');
    expect(timeline.map((e) => e.text.slice(0, 20))).toEqual(thread().map((t) => t.slice(0, 20)));
  });

  it('runs a restart for an incident named with --incident from another channel', async () => {
    const ops = { id: 'C0OPS', name: 'ops' };
    const card = h.slack.channelView('#incidents')[0]!;
    const before = h.slack.threadOf(h.slack.channelId('#incidents'), card.ts).length;
    const { reply } = await h.command('restart web --incident 1', ADA, ops);
    const confirm = (reply as Json).blocks
      .filter((b: Json) => b.type === 'actions')
      .flatMap((b: Json) => b.elements)[0];
    await h.click(confirm.action_id, confirm.value, { user: ADA, channel: ops });
    const thread = () =>
      h.slack
        .threadOf(h.slack.channelId('#incidents'), card.ts)
        .slice(before)
        .map((m) => m.text);
    await h.slack.waitFor(
      () => thread().some((t) => t.startsWith('Done: restart *web*')),
      15_000,
      'the restart in the card thread',
    );
    expect(thread()[0]).toBe(
      '🔧 ada asked to restart web (production) for incident #1; it runs once confirmed.',
    );
    // The incident channel keeps the whole conversation, also of what was typed elsewhere.
    const incident = (await h.bot.services.incidents.get(1))!;
    expect(
      h.slack.channelView(incident.channelId!).filter((m) => m.text.startsWith('Done: restart')),
    ).toHaveLength(2);
    expect(h.slack.channelView(ops.id).some((m) => m.text.startsWith('Done: restart *web*'))).toBe(true);
  });

  it('says who started an operation that needs no confirmation, before its result', async () => {
    const ops = { id: 'C0OPS', name: 'ops' };
    const card = h.slack.channelView('#incidents')[0]!;
    const before = h.slack.threadOf(h.slack.channelId('#incidents'), card.ts).length;
    await h.command('run web cache-clear --incident 1', ADA, ops);
    const thread = () =>
      h.slack
        .threadOf(h.slack.channelId('#incidents'), card.ts)
        .slice(before)
        .map((m) => m.text);
    await h.slack.waitFor(() => thread().length >= 2, 15_000, 'the run in the card thread');
    expect(thread()).toEqual([
      '▶️ ada started: run cache-clear on web (production) for incident #1; it needs no confirmation.',
      expect.stringMatching(/^Done: .*cache-clear/),
    ]);
    const timeline = (await h.bot.services.incidents.timeline(1)).filter((e) => e.kind === 'action');
    expect(timeline.at(-2)!.text).toContain('ada started: run cache-clear on web');
  });

  it('answers clearly for an unknown or malformed incident number, and requests nothing', async () => {
    const requests = async () => (await h.store.query('SELECT id FROM action_requests')).length;
    const count = await requests();
    const unknown = await h.command('restart web --incident 99', ADA);
    expect(String(unknown.reply.text)).toContain('There is no incident #99, so nothing was requested.');
    for (const typed of ['rollback web --incident 99', 'run web cache-clear --incident=#99']) {
      const answer = await h.command(typed, ADA);
      expect(String(answer.reply.text), typed).toContain(
        'There is no incident #99, so nothing was requested.',
      );
    }
    const bad = await h.command('restart web --incident soon', ADA);
    expect(String(bad.reply.text)).toContain('`--incident` takes the incident number, e.g. `--incident 12`');
    expect(await requests()).toBe(count);
    const help = await h.command('help restart', ADA);
    expect(JSON.stringify(help.reply)).toContain(
      'restart &lt;service&gt; [environment] [--incident &lt;N&gt;]',
    );
  });
});
