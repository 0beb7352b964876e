import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { FakeBers } from '../../helpers/fake-bers.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const ADA = { id: 'U0ADA', name: 'ada' };

describe('the names people use: aliases and the sources’ own alert ids', () => {
  let h: HttpBotHarness;
  let tcp: Server;
  let bers: FakeBers;

  beforeAll(async () => {
    tcp = createServer((s) => s.end());
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    bers = await FakeBers.start();
    bers.alerts = [
      {
        id: 'alrt-91de',
        severity: 'warning',
        title: 'Configuration resolution slow',
        message: 'resolution 131 ms > 100 ms',
        timestamp: Date.now() - 60_000,
      },
    ];
    const port = (tcp.address() as { port: number }).port;
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: ai-chat-backend
    aliases: [backend, api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port} }]
  - name: ai-chat-database
    aliases: [database, db-primary]
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${port} }]
permissions:
  roles: { sre: { users: [U0ADA] } }
  grants: { operate: [sre], admin: [sre] }
alerts:
  sources: [{ kind: bers, name: bers, url: "${bers.url}" }]
actions:
  verifyIntervalSeconds: 0.1
  services:
    ai-chat-backend:
      environments:
        production:
          executor: { kind: command, restart: { argv: [node, -e, "0"] } }
`),
    });
  });
  afterAll(async () => {
    await h.close();
    tcp.close();
    await bers.close();
  });

  it('answers health for aliases, under the configured name', async () => {
    const { reply } = await h.command('health api DB-Primary backend', ADA);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('ai-chat-backend');
    expect(text).toContain('ai-chat-database');
    expect((await h.command('health nope', ADA)).reply.text).toContain('Unknown service: `nope`');
  });

  it('restarts and audits a service named by its compose name', async () => {
    const { reply } = await h.command('restart backend', ADA);
    expect(JSON.stringify(reply.blocks)).toContain('Restart ai-chat-backend (production)?');
    const confirm = (reply.blocks as Json[]).find((b) => b.type === 'actions').elements[0];
    await h.click(confirm.action_id, confirm.value, { user: ADA });
    await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').find((p) => String(p.text).includes('healthy after')),
      15_000,
      'verification',
    );
    const { reply: ops } = await h.command('ops api', ADA);
    expect(String(ops.text)).toBe('Operations of ai-chat-backend (production)');
    const { reply: audit } = await h.command('audit 20 backend', ADA);
    expect(String(audit.text)).toContain('Audit of ai-chat-backend');
    expect(JSON.stringify(audit.blocks)).toContain('restart.verify');
  });

  it('acknowledges an alert by the id the BERS dashboard shows, before `/bers alerts` was ever run', async () => {
    const { reply } = await h.command('alerts ack alrt-91de looking at the cache', ADA);
    expect(String(reply.text)).toContain('(Configuration resolution slow) acknowledged in bers');
    expect(
      bers.calls.find((c) => c.path === '/api/monitoring/alerts/alrt-91de/acknowledge')?.body,
    ).toMatchObject({
      reason: 'looking at the cache',
    });
    const { reply: again } = await h.command('alerts resolve alrt-91de cache cleared', ADA);
    expect(String(again.text)).toContain('resolved in bers');
    expect(String((await h.command('alerts ack alrt-0000', ADA)).reply.text)).toContain(
      "No alert has the id `alrt-0000`: an alert id is the hex id `/bers alerts` shows, or the source's own",
    );
  });
});
