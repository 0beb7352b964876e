import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { FakeBers } from '../../helpers/fake-bers.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const ADA = { id: 'U0ADA', name: 'ada' };
const BOB = { id: 'U0BOB', name: 'bob' };
const DEV = { id: 'U0DEV', name: 'dev' };
const EVE = { id: 'U0EVE', name: 'eve' };

const buttons = (message: Json): { action_id: string; value: string; text: { text: string } }[] =>
  (message.blocks ?? []).filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);

/** Accepts `healthyFor` connections, then stops listening: a service that crashes seconds after starting. */
async function flappingPort(healthyFor: number): Promise<Server> {
  let accepted = 0;
  const server = createServer((socket) => {
    socket.end();
    if (++accepted >= healthyFor) server.close();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

describe('named operations over Slack HTTP mode', () => {
  let h: HttpBotHarness;
  let tcp: Server;
  let flappy: Server;
  let target: TargetServer;
  let bers: FakeBers;
  let marker: string;

  beforeAll(async () => {
    tcp = createServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    flappy = await flappingPort(2);
    bers = await FakeBers.start();
    bers.metrics.set('configuration_resolution_time', { current: 131 });
    target = await startTarget((req, res) => {
      // The BERS TTL API: resolution is fast again once the TTL is set.
      if (req.url?.endsWith('/ttl')) bers.metrics.set('configuration_resolution_time', { current: 75 });
      json(res, 200, { success: true });
    });
    marker = join(await mkdtemp(join(tmpdir(), 'bers-ops-')), 'argv');
    // Appends the argv the program received, one JSON line per run: what reached it, literally.
    const record = `require("fs").appendFileSync(${JSON.stringify(marker)}, JSON.stringify(process.argv.slice(1)) + "\\n")`;
    const port = (s: Server) => (s.address() as { port: number }).port;
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port(tcp)} }]
  - name: flappy
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port(flappy)}, timeoutMs: 300 }]
permissions:
  roles:
    sre: { users: [U0ADA, U0BOB] }
    dev: { users: [U0DEV] }
  grants: { operate: [sre, dev], admin: [sre] }
metrics:
  definitions:
    - { name: configuration-resolution-time, unit: ms, target: 100, comparison: below, source: { kind: service-api, url: "${bers.url}", metric: configuration_resolution_time } }
actions:
  verifyIntervalSeconds: 0.2
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] } }
      operations:
        record:
          description: Record the arguments it gets
          executor: { kind: command, argv: [node, -e, '${record}', "{count}", "--note={note}"] }
          args:
            - { name: count, type: int, min: 1, max: 5 }
            - { name: note, type: string, pattern: ".*", optional: true }
          verify: { kind: none }
        cache-ttl:
          executor: { kind: http, url: "${target.url}/api/config/cache/{cache}/ttl", body: '{"ttl": {ttl}}' }
          args:
            - { name: cache, type: enum, values: [environment-detection, configuration] }
            - { name: ttl, type: duration, min: 1m, max: 1h, unit: ms }
          verify: { kind: metric, metric: configuration-resolution-time, intervalSeconds: 0.2, timeoutSeconds: 5 }
        cache-clear:
          description: Clear the configuration cache
          executor: { kind: http, url: "${target.url}/api/config/cache/clear" }
          confirm: false
          permission: operate
          verify: { kind: wait, seconds: 0.1 }
        leaky:
          executor: { kind: command, argv: [node, -e, 'console.log("calling with xoxb-9999-abcdefghijkl")'] }
          confirm: false
          permission: operate
          verify: { kind: none }
        deployment-stop:
          executor: { kind: http, url: "${target.url}/deployment/stop" }
          roles: [sre]
          twoPerson: true
          verify: { kind: none }
    flappy:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] } }
          verifyTimeoutSeconds: 1
`),
    });
  });
  afterAll(async () => {
    await h.close();
    tcp.close();
    flappy.close();
    await target.close();
    await bers.close();
  });

  const posts = () => h.slack.callsTo('chat.postMessage');
  const recorded = async () =>
    (await readFile(marker, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as string[]);
  const waitPost = (what: string, match: (text: string) => boolean) =>
    h.slack.waitFor(() => posts().find((p) => match(String(p.text))), 15_000, what);
  async function confirmAs(reply: Json, user = ADA) {
    const confirm = buttons(reply)[0]!;
    return h.click(confirm.action_id, confirm.value, { user });
  }

  it('lists the operations with their arguments and guards, with a button for each that needs none', async () => {
    const { reply } = await h.command('ops web', ADA);
    const text = JSON.stringify(reply.blocks);
    // As Slack gets it: `<` and `>` escaped, shown as typed.
    expect(text).toContain('*record* `&lt;count&gt; [note]` — Record the arguments it gets');
    expect(text).toContain('*cache-clear* — Clear the configuration cache (runs without confirmation');
    expect(text).toContain('*deployment-stop* — deployment-stop (two-person');
    expect(text).toContain('_not available: no rollback configured_');
    expect(buttons(reply).map((b) => b.text.text)).toEqual([
      'restart',
      '▶ cache-clear',
      '▶ leaky',
      '▶ deployment-stop',
    ]);
  });

  it('passes typed values to the program as literal argv elements, never through a shell', async () => {
    const payloads = ['; rm -rf /', '$(id)', '`id`', '| cat /etc/passwd && reboot'];
    for (const payload of payloads) {
      const { reply } = await h.command(`run web record 3 "${payload}"`, ADA);
      expect(JSON.stringify(reply.blocks)).toContain('Run record on web (production)?');
      await confirmAs(reply);
    }
    const runs = await h.slack.waitFor(
      () =>
        posts().filter((p) => String(p.text).startsWith('Done: run *record*')).length === 4
          ? true
          : undefined,
      20_000,
      'four recorded runs',
    );
    expect(runs).toBe(true);
    // Clicks return before their run ends, so runs may finish in any order.
    const got = (await recorded()).map((argv) => JSON.stringify(argv)).sort();
    expect(got).toEqual(payloads.map((p) => JSON.stringify(['3', `--note=${p}`])).sort());
  });

  it('refuses values that do not fit their type before anything runs', async () => {
    const before = (await recorded()).length;
    const answers = await Promise.all(
      [
        'run web record "1; rm -rf /"',
        'run web record 9',
        'run web record 2 --flag',
        'run web record',
        'run web nope',
      ].map((text) => h.command(text, ADA)),
    );
    const texts = answers.map((a) => String(a.reply.text));
    expect(texts[0]).toContain('`1; rm -rf /` is not a valid count: expected a whole number from 1 to 5');
    expect(texts[1]).toContain('`9` is not a valid count');
    expect(texts[2]).toContain('`--flag` is not a valid note');
    expect(texts[3]).toContain('record takes `record &lt;count&gt; [note]`; got 0 argument(s)');
    expect(texts[4]).toContain(
      '`nope` is not an operation of web (production). Known: `restart`, `rollback`, `record`',
    );
    expect((await recorded()).length).toBe(before);
  });

  it('verifies an operation by its metric coming back on target', async () => {
    const { reply } = await h.command('run web cache-ttl configuration 10m', ADA);
    expect(JSON.stringify(reply.blocks)).toContain('cache=configuration ttl=600000');
    await confirmAs(reply);
    const verified = await waitPost('metric verification', (t) => t.includes('back on target'));
    expect(verified.text).toMatch(
      /configuration-resolution-time back on target after \d+ s — 75 ms \(target &lt; 100 ms\)/,
    );
    const call = target.requests.find((r) => r.path === '/api/config/cache/configuration/ttl')!;
    expect(JSON.parse(call.body)).toEqual({ ttl: 600000 });
  });

  it('runs an operation configured without confirmation at once, and audits every step', async () => {
    const { reply } = await h.command('run web cache-clear', DEV);
    expect(String(reply.text)).toContain('Running (no confirmation needed): run *cache-clear* on *web*');
    await waitPost('the wait', (t) => t.includes('waited 0.1 s after run cache-clear on web'));
    expect(target.requests.filter((r) => r.path === '/api/config/cache/clear')).toHaveLength(1);
    const { reply: audit } = await h.command('audit 10 web', ADA);
    const rows = JSON.stringify(audit.blocks);
    for (const step of [
      'cache-clear.request',
      'cache-clear.confirm',
      'cache-clear.execute',
      'cache-clear.verify',
    ]) {
      expect(rows).toContain(step);
    }
  });

  it('keeps the two-person rule and the roles of an operation started from its button', async () => {
    const request = await h.click(
      'bers:ops:request',
      JSON.stringify({ service: 'web', environment: 'production', operation: 'deployment-stop' }),
      { user: ADA },
    );
    const confirmation = await h.slack.waitFor(
      () => h.slack.responsesTo(request.responseId)[0],
      10_000,
      'confirmation',
    );
    expect(JSON.stringify(confirmation.blocks)).toContain('Two-person rule');
    const own = await confirmAs(confirmation, ADA);
    const refusal = await h.slack.waitFor(() => h.slack.responsesTo(own.responseId)[0], 10_000, 'refusal');
    expect(refusal.text).toContain('someone else with deployment-stop rights must confirm');
    const dev = await confirmAs(confirmation, DEV);
    const denied = await h.slack.waitFor(() => h.slack.responsesTo(dev.responseId)[0], 10_000, 'denial');
    expect(denied.text).toContain('You are not allowed to run deployment-stop on web in production');
    await Promise.all([confirmAs(confirmation, BOB), confirmAs(confirmation, BOB)]);
    await waitPost('the stop', (t) => t.startsWith('Done: run *deployment-stop*'));
    expect(target.requests.filter((r) => r.path === '/deployment/stop')).toHaveLength(1);
  });

  it('masks credentials a program prints before they reach the channel', async () => {
    await h.command('run web leaky', ADA);
    const done = await waitPost('the leaky run', (t) => t.startsWith('Done: run *leaky*'));
    expect(JSON.stringify(done.blocks)).toContain('calling with xox?-[redacted]');
    expect(JSON.stringify(posts())).not.toContain('abcdefghijkl');
  });

  it('refuses people without the operate permission', async () => {
    const { reply } = await h.command('run web cache-clear', EVE);
    expect(reply.text).toContain('needs the `operate` permission');
  });

  it('fails the verification of a service that is healthy at first and down seconds later', async () => {
    const { reply } = await h.command('restart flappy', ADA);
    await confirmAs(reply);
    const failed = await waitPost('failed verification', (t) => t.includes('flappy (production) still'));
    expect(failed.text).toMatch(/still unhealthy after 1 s .*\(it was healthy, then unhealthy at 0 s\)/);
  });
});
