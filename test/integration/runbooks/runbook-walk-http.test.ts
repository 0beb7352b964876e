import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { FakeBers } from '../../helpers/fake-bers.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const ADA = { id: 'U0ADA', name: 'ada' };
const EVE = { id: 'U0EVE', name: 'eve' };
const OPS = { id: 'U0OPS', name: 'ops' };
const CHANNEL = 'C0OPS';

const buttons = (message: Json): { action_id: string; value: string; text: { text: string } }[] =>
  (message.blocks ?? []).filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);

describe('a runbook walked in a Slack thread', () => {
  let slack: FakeSlack;
  let store: Store;
  let bers: FakeBers;
  let target: TargetServer;
  let tcp: Server;
  let config: ReturnType<typeof configFrom>;
  const clock = new ManualClock(new Date('2026-01-05T08:00:00Z'));

  beforeAll(async () => {
    slack = await FakeSlack.start();
    store = await storeBackends()[0]!.open();
    tcp = createServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    bers = await FakeBers.start();
    bers.metrics.set('configuration_resolution_time', { current: 131 });
    target = await startTarget((req, res) => {
      // Clearing the cache makes resolution fast again.
      if (req.url?.endsWith('/cache/clear'))
        bers.metrics.set('configuration_resolution_time', { current: 75 });
      json(res, 200, { success: true });
    });
    const port = (tcp.address() as { port: number }).port;
    config = configFrom(`
services:
  - name: web
    aliases: [api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port} }]
permissions:
  roles: { sre: { users: [U0ADA, U0OPS] } }
  grants: { operate: [sre] }
metrics:
  definitions:
    - { name: configuration-resolution-time, unit: ms, target: 100, comparison: below, source: { kind: service-api, url: "${bers.url}", metric: configuration_resolution_time } }
actions:
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] } }
      operations:
        cache-clear:
          executor: { kind: http, url: "${target.url}/api/config/cache/clear" }
          confirm: false
          roles: [sre]
          verify: { kind: none }
runbooks:
  definitions:
    - name: resolution-slow
      title: Configuration resolution slow
      service: api
      steps:
        - gather: { metric: configuration-resolution-time }
        - gather: { health: true }
        - act: { operation: cache-clear }
        - watch: { metric: configuration-resolution-time, timeoutSeconds: 60, intervalSeconds: 5 }
        - note: "Still slow? <!channel> Escalate."
    - name: never-fast
      title: Never fast
      service: web
      steps:
        - watch: { metric: configuration-resolution-time, timeoutSeconds: 20, intervalSeconds: 5 }
`);
  });
  afterAll(async () => {
    await slack.close();
    await store.close();
    tcp.close();
    await target.close();
    await bers.close();
  });

  const start = () => startHttpBot({ config, clock, slack, store });
  const threadPosts = (ts: string): Json[] => slack.threadOf(CHANNEL, ts);
  const waitStep = (ts: string, what: string, match: (p: Json) => boolean) =>
    slack.waitFor(() => threadPosts(ts).find(match), 20_000, what);
  const headerTs = async (title: string) => {
    const header = await slack.waitFor(
      () =>
        slack
          .channelView(CHANNEL)
          .filter((p) => p.text.startsWith(`Runbook: ${title}`))
          .at(-1),
      20_000,
      'the header',
    );
    return header.ts;
  };
  /** Fires due timers until `until` says the walk got there (the clock moves only when told). */
  async function tickUntil<T>(h: HttpBotHarness, stepMs: number, until: () => T | undefined): Promise<T> {
    // Operations run in real time while the clock is manual: keep looking for a generous while.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await h.bot.services.timers.poll();
      const got = until();
      if (got) return got;
      clock.advance(stepMs);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(
      `the walk never got there: ${JSON.stringify(slack.channelView(CHANNEL).map((m) => [m.text, threadPosts(m.ts).map((p) => p.text)]))}`,
    );
  }

  it('lists the runbooks', async () => {
    const h = await start();
    try {
      const { reply } = await h.command('runbook', ADA);
      expect(JSON.stringify(reply.blocks)).toContain(
        '*resolution-slow* — Configuration resolution slow (api), 5 steps',
      );
    } finally {
      await h.close();
    }
  });

  it('walks gather, act, a watch that passes and a note; a double click moves once; others are refused', async () => {
    const h = await start();
    try {
      const { reply } = await h.command('runbook resolution-slow', ADA);
      expect(String(reply.text)).toContain('for web; follow it in the thread');
      const ts = await headerTs('Configuration resolution slow');
      const first: Json = await waitStep(ts, 'step 1', (p) => String(p.text).startsWith('Step 1/5'));
      expect(JSON.stringify(first.blocks)).toContain('131 ms (target below 100) — breach');
      const next = buttons(first).find((b) => b.text.text === 'Next')!;

      // Someone without operate who did not start it is refused; the walk stays where it is.
      const refused = await h.click(next.action_id, next.value, { user: EVE });
      const answer: Json = await slack.waitFor(
        () => slack.responsesTo(refused.responseId)[0],
        15_000,
        'refusal',
      );
      expect(String(answer.text)).toContain('Only ada, who started this runbook');
      expect((await h.bot.services.runbooks.get('1'))?.step ?? 0).toBe(0);

      // A double click: both reach the bot, the step moves once.
      const [a, b] = await Promise.all([
        h.click(next.action_id, next.value, { user: ADA }),
        h.click(next.action_id, next.value, { user: ADA }),
      ]);
      const answers: Json[] = await slack.waitFor(
        () => {
          const got = [slack.responsesTo(a.responseId)[0], slack.responsesTo(b.responseId)[0]];
          return got.every(Boolean) ? got : undefined;
        },
        15_000,
        'both clicks answered',
      );
      expect(answers.filter((r) => String(r.text).includes('already moved on'))).toHaveLength(1);
      const second: Json = await waitStep(ts, 'step 2', (p) => String(p.text).startsWith('Step 2/5'));
      expect(threadPosts(ts).filter((p) => String(p.text).startsWith('Step 2/5'))).toHaveLength(1);
      expect(JSON.stringify(second.blocks)).toContain('Health of web:* healthy');

      // Anyone with operate may drive it too.
      const next2 = buttons(second).find((x) => x.text.text === 'Next')!;
      const pressed2 = await h.click(next2.action_id, next2.value, { user: OPS });
      const answer2: Json = await slack.waitFor(
        () => slack.responsesTo(pressed2.responseId)[0],
        15_000,
        'next 2',
      );
      expect(JSON.stringify(answer2), JSON.stringify(threadPosts(ts).map((p) => p.text))).toContain(
        'Next — ',
      );
      await waitStep(ts, 'the operation runs', (p) => String(p.text).includes('Running *cache-clear*')).catch(
        (e) => {
          throw new Error(`${e}: ${JSON.stringify(threadPosts(ts).map((p) => p.text))}`);
        },
      );
      const acted: Json = await tickUntil(h, 2_000, () =>
        threadPosts(ts).find((p) => String(p.text).startsWith('Step 3/5') && buttons(p).length > 0),
      );
      expect(String(acted.text)).toContain('cache-clear* succeeded');
      const next3 = buttons(acted).find((x) => x.text.text === 'Next')!;
      await h.click(next3.action_id, next3.value, { user: ADA });
      const met: Json = await tickUntil(h, 5_000, () =>
        threadPosts(ts).find((p) => String(p.text).startsWith('Step 4/5') && buttons(p).length > 0),
      );
      expect(String(met.text)).toContain('Met after');
      const next4 = buttons(met).find((x) => x.text.text === 'Next')!;
      await h.click(next4.action_id, next4.value, { user: ADA });
      const noted: Json = await waitStep(ts, 'the note', (p) => String(p.text).startsWith('Step 5/5'));
      expect(JSON.stringify(noted.blocks)).toContain('&lt;!channel&gt;');
      const next5 = buttons(noted).find((x) => x.text.text === 'Next')!;
      await h.click(next5.action_id, next5.value, { user: ADA });
      await waitStep(ts, 'the end', (p) => String(p.text).includes('complete'));
      const audit = await store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE kind = 'runbook' AND subject = 'runbook.step'`,
      );
      expect(audit[0]!.n).toBeGreaterThanOrEqual(10);
    } finally {
      await h.close();
    }
  });

  it('a watch that times out offers Retry / Skip / Stop, and carries on across a restart', async () => {
    bers.metrics.set('configuration_resolution_time', { current: 140 });
    const first = await start();
    let ts: string;
    try {
      await first.command('runbook never-fast', ADA);
      ts = await headerTs('Never fast');
      await waitStep(ts, 'watching', (p) =>
        String(p.text).includes('Watching for configuration-resolution-time'),
      );
      await first.bot.services.timers.poll();
    } finally {
      await first.close();
    }
    // The bot is down for a while; the watch's next look is a timer in the store.
    clock.advance(5_000);
    const second = await start();
    try {
      const failed: Json = await tickUntil(second, 5_000, () =>
        threadPosts(ts).find((p) => String(p.text).startsWith('Step 1/1') && buttons(p).length > 0),
      );
      expect(String(failed.text)).toMatch(/Not met after 2\d s/);
      expect(buttons(failed).map((b) => b.text.text)).toEqual(['Retry', 'Skip', 'Stop']);
      bers.metrics.set('configuration_resolution_time', { current: 60 });
      const retry = buttons(failed)[0]!;
      const retried = await second.click(retry.action_id, retry.value, { user: ADA });
      const retriedAnswer: Json = await slack.waitFor(
        () => slack.responsesTo(retried.responseId)[0],
        15_000,
        'retry',
      );
      expect(JSON.stringify(retriedAnswer.blocks)).toContain('Retry — ');
      const met: Json = await tickUntil(second, 5_000, () =>
        threadPosts(ts).find((p) => String(p.text).includes('Met after')),
      );
      expect(String(met.text)).toContain('Met after 0 s');
    } finally {
      await second.close();
    }
  });
});
