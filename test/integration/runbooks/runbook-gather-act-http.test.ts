import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { FakeBers } from '../../helpers/fake-bers.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const ADA = { id: 'U0ADA', name: 'ada' };
const EVE = { id: 'U0EVE', name: 'eve' };
const OPS = { id: 'U0OPS', name: 'ops' };
const CHANNEL = 'C0OPS';

/** What people (or attackers) type into a form field, aimed at a shell, a program's options or a parser. */
const CORPUS = [
  '; rm -rf /',
  '$(id)',
  '`id`',
  '| cat /etc/passwd',
  '&& reboot',
  'a\nrm -rf /',
  '--flag',
  '-rf',
  '--config=/etc/shadow',
  'a\u0000b',
  '${IFS}id',
  '../../etc/passwd',
  'x'.repeat(5_000),
  '1; DROP TABLE users',
  "' OR 1=1 --",
  '%0a',
  '10m; id',
  '2h',
  '<!channel>',
];

const buttons = (message: Json): { action_id: string; value: string; text: { text: string } }[] =>
  (message.blocks ?? []).filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
const typed = (value: string) => ({ value: { type: 'plain_text_input', value } });

describe('runbook gathers (alerts, logs, query) and an act step with prompted arguments', () => {
  let slack: FakeSlack;
  let store: Store;
  let bers: FakeBers;
  let tcp: Server;
  let closed: number;
  let marker: string;
  let config: ReturnType<typeof configFrom>;
  const clock = new ManualClock(new Date('2026-01-05T08:00:00Z'));

  beforeAll(async () => {
    slack = await FakeSlack.start();
    store = await storeBackends()[0]!.open();
    tcp = createServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    const gone = createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    closed = (gone.address() as { port: number }).port;
    await new Promise((r) => gone.close(r));
    bers = await FakeBers.start();
    const now = Date.parse('2026-01-05T08:00:00Z');
    bers.metrics.set('configuration_resolution_time', {
      current: 131,
      history: [40, 60, 131].map((value, i) => ({ timestamp: now - (3 - i) * 600_000, value })),
    });
    bers.alerts = [
      {
        id: 'alrt-91de',
        severity: 'warning',
        title: 'Configuration resolution slow',
        message: 'p95 131 ms <!channel>',
        component: 'web',
        timestamp: now - 300_000,
      },
      {
        id: 'alrt-0001',
        severity: 'critical',
        title: 'Other',
        message: 'x',
        component: 'db',
        timestamp: now,
      },
    ];
    marker = join(await mkdtemp(join(tmpdir(), 'bers-runbook-')), 'argv');
    const record = `require("fs").appendFileSync(${JSON.stringify(marker)}, JSON.stringify(process.argv.slice(1)) + "\\n")`;
    const logs = `console.log("boot ok"); console.log("db url postgres://app:hunter22@db/app"); console.log("ERROR timeout")`;
    const port = (tcp.address() as { port: number }).port;
    config = configFrom(`
services:
  - name: web
    aliases: [api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port} }]
  - name: broken
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port} }]
permissions:
  roles: { sre: { users: [U0ADA, U0OPS] } }
  grants: { operate: [sre] }
alerts:
  sources:
    - { kind: bers, name: bers, url: "${bers.url}" }
    - { kind: bers, name: bers-down, url: "http://127.0.0.1:${closed}" }
metrics:
  definitions:
    - { name: resolution, unit: ms, target: 100, comparison: below, source: { kind: service-api, url: "${bers.url}", metric: configuration_resolution_time } }
    - { name: gone, unit: ms, target: 100, comparison: below, source: { kind: service-api, url: "http://127.0.0.1:${closed}", metric: gone } }
actions:
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] } }
          logs: { kind: command, argv: [node, -e, '${logs}'] }
      operations:
        cache-ttl:
          executor: { kind: command, argv: [node, -e, '${record}', "{cache}", "{ttl}"] }
          args:
            - { name: cache, type: enum, values: [configuration, environment-detection] }
            - { name: ttl, type: duration, min: 1m, max: 1h, unit: ms }
          roles: [sre]
          twoPerson: true
          verify: { kind: none }
    broken:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] } }
          logs: { kind: command, argv: [node, -e, "process.exit(3)"] }
runbooks:
  definitions:
    - name: look-and-act
      title: Look and act
      service: api
      steps:
        - gather: { alerts: true }
        - gather: { logs: { since: 1h, tail: 10 } }
        - gather: { query: { metric: resolution, period: 1h } }
        - act: { operation: cache-ttl }
        - note: done
    - name: sources-down
      title: Sources down
      service: broken
      steps:
        - gather: { logs: true }
        - gather: { query: { metric: gone } }
`);
  });
  afterAll(async () => {
    await slack.close();
    await store.close();
    tcp.close();
    await bers.close();
  });

  const start = () => startHttpBot({ config, clock, slack, store });
  const threadPosts = (ts: string): Json[] => slack.threadOf(CHANNEL, ts);
  const waitStep = (ts: string, what: string, match: (p: Json) => boolean) =>
    slack.waitFor(() => threadPosts(ts).find(match), 20_000, what);
  const headerTs = async (title: string) =>
    (
      await slack.waitFor(
        () =>
          slack
            .channelView(CHANNEL)
            .filter((p) => p.text.startsWith(`Runbook: ${title}`))
            .at(-1),
        20_000,
        'the header',
      )
    ).ts;
  const press = async (h: HttpBotHarness, b: { action_id: string; value: string }, user = ADA) => {
    const { responseId } = await h.click(b.action_id, b.value, { user });
    return slack.waitFor(
      () => slack.responsesTo(responseId)[0],
      15_000,
      `answer to ${b.action_id}`,
    ) as Promise<Json>;
  };
  const next = (p: Json) => buttons(p).find((b) => b.text.text === 'Next')!;
  const runs = async () =>
    (await readFile(marker, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as string[]);

  it('shows open alerts, masked logs and a KPI over a period, then asks for the arguments, refuses bad ones, and runs once behind a two-person confirm', async () => {
    const h = await start();
    try {
      await h.command('runbook look-and-act', ADA);
      const ts = await headerTs('Look and act');

      const alerts: Json = await waitStep(ts, 'alerts', (p) => String(p.text).startsWith('Step 1/5'));
      const shown = JSON.stringify(alerts.blocks);
      expect(shown).toContain('Alerts of web:* 1 open');
      expect(shown).toContain('*Configuration resolution slow* (warning, active');
      expect(shown).not.toContain('alrt-0001');
      expect(shown).toContain('bers-down did not answer');
      expect(shown).toContain('&lt;!channel&gt;');
      await press(h, next(alerts));

      const logs: Json = await waitStep(ts, 'logs', (p) => String(p.text).startsWith('Step 2/5'));
      const logText = JSON.stringify(logs.blocks);
      expect(logText).toContain('Logs of web (production), last 1h:* 3 of 3 lines');
      expect(logText).toContain('ERROR timeout');
      expect(logText).not.toContain('hunter22');
      await press(h, next(logs));

      const query: Json = await waitStep(ts, 'query', (p) => String(p.text).startsWith('Step 3/5'));
      const queryText = JSON.stringify(query.blocks);
      expect(queryText).toContain('*resolution:* 131 ms (target below 100) — breach');
      expect(queryText).toMatch(/over 1h: average 77, p95 131, min 40, max 131 ms \(3 points\)/);
      await press(h, next(query));

      const ask: Json = await waitStep(ts, 'the act step asks', (p) => String(p.text).startsWith('Step 4/5'));
      expect(String(ask.text)).toContain('cache-ttl* needs cache, ttl');
      const enter = buttons(ask).find((b) => b.text.text === 'Enter arguments')!;
      expect(buttons(ask).map((b) => b.text.text)).toEqual(['Enter arguments', 'Skip', 'Stop']);

      // Someone who neither started it nor may operate gets no form.
      const refused = await press(h, enter, EVE);
      expect(String(refused.text)).toContain('Only ada, who started this runbook');
      expect(slack.callsTo('views.open')).toHaveLength(0);

      await h.click(enter.action_id, enter.value, { user: ADA });
      const opened: Json = await slack.waitFor(() => slack.callsTo('views.open')[0], 15_000, 'the form');
      const view = typeof opened.view === 'string' ? JSON.parse(opened.view) : opened.view;
      expect(view.callback_id).toBe('bers:runbook:args');
      const fields = view.blocks.filter((b: Json) => b.type === 'input');
      expect(fields.map((b: Json) => b.block_id)).toEqual(['arg_cache', 'arg_ttl']);
      expect(fields[0].element.type).toBe('static_select');
      const metadata: string = view.private_metadata;

      // Every hostile value is refused in the form, for each field, with what was expected.
      for (const bad of CORPUS) {
        const response = await h.submitView(
          'bers:runbook:args',
          { arg_cache: select(bad), arg_ttl: typed(bad) },
          metadata,
          ADA,
        );
        const body: Json = await response.json();
        expect(body.response_action, JSON.stringify(bad.slice(0, 30))).toBe('errors');
        expect(body.errors.arg_cache).toContain('expected one of `configuration`, `environment-detection`');
        expect(body.errors.arg_ttl).toContain('expected a duration from 1m to 1h');
      }
      // A forged form (metadata naming another operation skips the form's own checks): the
      // walk's own step is checked again after the ack, and the person is told why, privately.
      const forged = JSON.stringify({ ...JSON.parse(metadata), operation: 'restart' });
      for (const bad of ['; rm -rf /', '--config=/etc/shadow', '$(id)']) {
        const response = await h.submitView(
          'bers:runbook:args',
          { arg_cache: select('configuration'), arg_ttl: typed(bad) },
          forged,
          ADA,
        );
        expect(((await response.text()) || '{}').includes('errors')).toBe(false);
      }
      // Someone else's submission of the same form is refused after the ack, and moves nothing.
      await h.submitView(
        'bers:runbook:args',
        { arg_cache: select('configuration'), arg_ttl: typed('10m') },
        metadata,
        EVE,
      );
      const eveDm: Json = await slack.waitFor(
        () => slack.callsTo('chat.postMessage').find((c) => c.channel === EVE.id),
        15_000,
        "eve's refusal",
      );
      expect(String(eveDm.text)).toContain('Only ada, who started this runbook');
      // A form that lost its metadata stays open, saying so.
      const lost: Json = await (
        await h.submitView('bers:runbook:args', { arg_ttl: typed('10m') }, 'not json', ADA)
      ).json();
      expect(lost.errors.arg_ttl).toContain('no longer knows its runbook step');
      const dms = () => slack.callsTo('chat.postMessage').filter((c) => c.channel === ADA.id);
      await slack.waitFor(() => dms().length >= 3 || undefined, 15_000, 'the refusals');
      for (const dm of dms())
        expect(String(dm.text)).toMatch(/is not a valid ttl: expected a duration from 1m to 1h/);
      expect(await runs()).toEqual([]);
      expect((await h.bot.services.runbooks.get('1'))?.state).toBe('waiting');

      // Good values: the request, with its confirmation in the thread (two people needed).
      const ok = await h.submitView(
        'bers:runbook:args',
        { arg_cache: select('configuration'), arg_ttl: typed('10m') },
        metadata,
        ADA,
      );
      expect(ok.status).toBe(200);
      const confirmation: Json = await waitStep(ts, 'the confirmation', (p) =>
        buttons(p).some((b) => b.action_id === 'bers:run:confirm'),
      );
      expect(JSON.stringify(confirmation.blocks)).toContain('600000');
      const confirm = buttons(confirmation).find((b) => b.action_id === 'bers:run:confirm')!;

      // A second form submission for the same step requests nothing more.
      await h.submitView(
        'bers:runbook:args',
        { arg_cache: select('configuration'), arg_ttl: typed('5m') },
        metadata,
        ADA,
      );
      await slack.waitFor(
        () => dms().find((d) => String(d.text).includes('already moved on')),
        15_000,
        'the second submission refused',
      );

      // The wrong person is refused; the requester cannot be the second person.
      expect(String((await press(h, confirm, EVE)).text)).toContain('You are not allowed to run cache-ttl');
      expect(String((await press(h, confirm, ADA)).text)).toContain('Two-person rule');
      expect(await runs()).toEqual([]);

      // The second person presses twice at once: it runs once.
      const [a, b] = await Promise.all([
        h.click(confirm.action_id, confirm.value, { user: OPS }),
        h.click(confirm.action_id, confirm.value, { user: OPS }),
      ]);
      await slack.waitFor(
        () => (slack.responsesTo(a.responseId)[0] && slack.responsesTo(b.responseId)[0]) || undefined,
        15_000,
        'both presses answered',
      );
      const acted: Json = await tickUntil(h, () =>
        threadPosts(ts).find(
          (p) => String(p.text).startsWith('Step 4/5') && buttons(p).some((x) => x.text.text === 'Next'),
        ),
      );
      expect(String(acted.text)).toContain('cache-ttl* succeeded');
      expect(await runs()).toEqual([['configuration', '600000']]);
      const again = await press(h, confirm, OPS);
      expect(String(again.text)).toContain('runs once');
      expect(await runs()).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('says plainly when a gather source fails, and the walk goes on', async () => {
    const h = await start();
    try {
      await h.command('runbook sources-down', ADA);
      const ts = await headerTs('Sources down');
      const logs: Json = await waitStep(ts, 'logs', (p) => String(p.text).startsWith('Step 1/2'));
      expect(JSON.stringify(logs.blocks)).toMatch(/Logs of broken\* could not be read: .*exit/);
      await press(h, next(logs));
      const query: Json = await waitStep(ts, 'query', (p) => String(p.text).startsWith('Step 2/2'));
      expect(JSON.stringify(query.blocks)).toContain('*gone over 1h* could not be read: gone:');
    } finally {
      await h.close();
    }
  });

  async function tickUntil<T>(h: HttpBotHarness, until: () => T | undefined): Promise<T> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await h.bot.services.timers.poll();
      const got = until();
      if (got) return got;
      clock.advance(2_000);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(
      `never got there: ${JSON.stringify(slack.channelView(CHANNEL).map((m) => [m.text, threadPosts(m.ts).map((p) => p.text)]))}`,
    );
  }
});
