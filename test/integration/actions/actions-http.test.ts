import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const ADA = { id: 'U0ADA', name: 'ada' };
const BOB = { id: 'U0BOB', name: 'bob' };
const EVE = { id: 'U0EVE', name: 'eve' };

function buttons(message: Json): { action_id: string; value: string; text: { text: string } }[] {
  return (message.blocks ?? []).filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);
}

describe('restart and rollback over Slack HTTP mode', () => {
  let h: HttpBotHarness;
  let tcp: Server;
  let marker: string;

  beforeAll(async () => {
    tcp = createServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    const port = (tcp.address() as { port: number }).port;
    marker = join(await mkdtemp(join(tmpdir(), 'bers-http-')), 'runs');
    const node = JSON.stringify(process.execPath);
    const append = `require("fs").appendFileSync(${JSON.stringify(marker)}, "ran\\n")`;
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port} }]
  - name: api
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
permissions:
  roles:
    sre: { users: [U0ADA], groups: [S0ONCALL] }
  grants: { operate: [sre], admin: [sre] }
actions:
  verifyIntervalSeconds: 0.2
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [${node}, -e, '${append}'] } }
    api:
      environments:
        production:
          executor:
            kind: command
            restart: { argv: [${node}, -e, 'console.log("restarting api")'] }
            rollback: { argv: [${node}, -e, 'console.error("rollback: migration lock held"); process.exit(2)'] }
          verifyTimeoutSeconds: 1
`),
    });
    h.slack.on('usergroups.users.list', (args) => ({
      ok: true,
      users: args.usergroup === 'S0ONCALL' ? [BOB.id] : [],
    }));
  });
  afterAll(async () => {
    await h.close();
    tcp.close();
  });

  const posts = () => h.slack.callsTo('chat.postMessage');
  const runs = async () =>
    (await readFile(marker, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

  it('asks for confirmation with the exact action, runs once despite a double click and a retry, then verifies', async () => {
    const { reply } = await h.command('restart web', ADA);
    expect(reply.response_type).toBe('in_channel');
    expect(JSON.stringify(reply.blocks)).toContain('command [');
    const [confirm, cancel] = buttons(reply);
    expect([confirm!.action_id, cancel!.action_id]).toEqual(['bers:restart:confirm', 'bers:restart:cancel']);

    const clicks = await Promise.all([
      h.click(confirm!.action_id, confirm!.value, { user: ADA }),
      h.click(confirm!.action_id, confirm!.value, { user: ADA }),
      h.click(confirm!.action_id, confirm!.value, { user: BOB }),
    ]);
    const verified = await h.slack.waitFor(
      () => posts().find((p) => String(p.text).includes('healthy after')),
      15_000,
      'verification',
    );
    expect(verified.text).toMatch(/^✅|web \(production\) healthy after \d+ s/);
    expect(clicks.every((c) => c.status === 200)).toBe(true);
    expect(await runs()).toBe(1);
    const answers = clicks.flatMap((c) => h.slack.responsesTo(c.responseId));
    expect(
      answers.filter((a) => String(a.text).startsWith(':no_entry: This restart is already')),
    ).toHaveLength(2);
    expect(
      answers.filter((a) => a.replace_original === true && String(a.text).includes('Confirmed by')),
    ).toHaveLength(1);
    expect(posts().some((p) => String(p.text).startsWith('Done: restart *web*'))).toBe(true);
  });

  it('refuses an unauthorized user clearly and audits the attempt', async () => {
    const { reply } = await h.command('restart web', EVE);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('You are not allowed to restart web in production');
    const { reply: audit } = await h.command('audit 30 web', ADA);
    expect(JSON.stringify(audit.blocks)).toContain('eve');
    expect(JSON.stringify(audit.blocks)).toContain('restart.request');
    expect(JSON.stringify(audit.blocks)).toContain('denied');
  });

  it('lets a member of an authorized Slack user group act', async () => {
    const { reply } = await h.command('restart web', BOB);
    expect(buttons(reply)[0]!.action_id).toBe('bers:restart:confirm');
  });

  it('lists the known services and environments for unknown ones, and never accepts a malformed revision', async () => {
    expect((await h.command('restart nope', ADA)).reply.text).toContain(
      'Services with actions: `web`, `api`',
    );
    expect((await h.command('restart web staging', ADA)).reply.text).toContain('Known: `production`');
    expect((await h.command('rollback api to $(reboot)', ADA)).reply.text).toContain(
      'is not a revision of api',
    );
  });

  it('reports a failed verification with a Roll back button, and a failing rollback with its output tail', async () => {
    const { reply } = await h.command('restart api', ADA);
    await h.click('bers:restart:confirm', buttons(reply)[0]!.value, { user: ADA });
    const unhealthy = await h.slack.waitFor(
      () => posts().find((p) => String(p.text).includes('api (production) still')),
      15_000,
      'failed verification',
    );
    // The health circuit breaker may have opened during the retries: then the status is unknown.
    expect(unhealthy.text).toMatch(/still (unhealthy|unknown) after 1 s/);
    const rollBack = buttons(unhealthy)[0]!;
    expect(rollBack.action_id).toBe('bers:rollback:request');

    const request = await h.click(rollBack.action_id, rollBack.value, { user: ADA });
    const confirmation = await h.slack.waitFor(
      () => h.slack.responsesTo(request.responseId)[0],
      10_000,
      'rollback confirmation',
    );
    await h.click('bers:rollback:confirm', buttons(confirmation)[0]!.value, { user: ADA });
    const failed = await h.slack.waitFor(
      () => posts().find((p) => String(p.text).startsWith('Failed: roll back')),
      15_000,
      'rollback failure',
    );
    expect(JSON.stringify(failed.blocks)).toContain('rollback: migration lock held');
    expect(JSON.stringify(failed.blocks)).toContain('failed (exit code 2)');
    const { reply: health } = await h.command('health', ADA);
    expect(health.text).toMatch(/Health/);
  });
});
