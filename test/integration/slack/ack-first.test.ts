import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

/** A health endpoint that answers only when the test says so: ordering without timing. */
class GatedServer {
  readonly waiting: ServerResponse[] = [];
  private constructor(readonly server: Server) {}
  static async start(): Promise<GatedServer> {
    const gated: GatedServer = new GatedServer(createServer((_req, res) => gated.waiting.push(res)));
    await new Promise<void>((resolve) => gated.server.listen(0, '127.0.0.1', resolve));
    return gated;
  }
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/health`;
  }
  release(): void {
    for (const res of this.waiting.splice(0)) res.writeHead(200).end('ok');
  }
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('HTTP mode: ack first, then the answer; every command audited', () => {
  let h: HttpBotHarness;
  let slow: GatedServer;
  beforeAll(async () => {
    slow = await GatedServer.start();
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: slow
    checks: [{ kind: http, url: "${slow.url}", timeoutMs: 20000 }]
health: { timeoutMs: 20000, deadlineMs: 25000 }
`),
    });
  });
  afterAll(async () => {
    await h.close();
    await slow.close();
  });

  it('the 200 ack arrives while the slow check is still running; the reply follows', async () => {
    const { status, responseId } = await h.send('health slow');
    expect(status).toBe(200);
    await h.slack.waitFor(() => slow.waiting.length > 0, 10_000, 'the check to reach the slow server');
    expect(h.slack.responsesTo(responseId)).toEqual([]);
    slow.release();
    const reply = await h.slack.waitFor(() => h.slack.responsesTo(responseId)[0], 10_000, 'reply');
    expect(JSON.stringify(reply)).toContain('slow');
  });

  it('writes an audit row for every command: who, where, text, outcome, duration', async () => {
    await h.command('help', { id: 'U0BOB', name: 'bob' }, { id: 'C0INC', name: 'inc-42' });
    await h.command('nonsense here', { id: 'U0EVE', name: 'eve' }, { id: 'D0DM', name: 'directmessage' });
    const [garbage, help] = await h.bot.services.audit.recent(2, { kind: 'command' });
    expect(help).toMatchObject({
      actorId: 'U0BOB',
      actorName: 'bob',
      channelId: 'C0INC',
      channelName: 'inc-42',
      subject: 'help',
      text: 'help',
      outcome: 'ok',
    });
    expect(garbage).toMatchObject({
      actorId: 'U0EVE',
      channelId: 'D0DM',
      text: 'nonsense here',
      outcome: 'usage',
    });
    for (const row of [help!, garbage!]) {
      expect(row.durationMs).toBeGreaterThanOrEqual(0);
      expect(row.correlationId).toMatch(/\S/);
    }
    const all = await h.bot.services.audit.recent(100, { kind: 'command' });
    expect(all.map((r) => r.text)).toContain('health slow');
  });
});
