import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';

const CONFIG = `
services:
  - name: closed-port
    checks: [{ name: socket, kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`;

describe("the bot's own endpoints", () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({ config: configFrom(CONFIG) });
  });
  afterAll(() => h.close());

  it('GET /healthz answers while the process is up', async () => {
    const response = await fetch(`${h.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz: ready when the store answers and the config is loaded', async () => {
    const response = await fetch(`${h.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', store: 'ok', config: 'ok' });
  });

  it('GET /metrics: commands by subcommand and outcome, their latency, check latency', async () => {
    await h.command('health');
    await h.command('health closed-port');
    await h.command('bogus');
    const response = await fetch(`${h.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const body = await response.text();
    expect(body).toMatch(/bers_commands_total\{subcommand="health",outcome="ok"\} 2/);
    expect(body).toMatch(/bers_commands_total\{subcommand="\(none\)",outcome="usage"\} 1/);
    expect(body).toMatch(
      /bers_command_duration_seconds_bucket\{le="[^"]+",subcommand="health",outcome="ok"\} 2/,
    );
    expect(body).toMatch(/bers_command_duration_seconds_count\{subcommand="health",outcome="ok"\} 2/);
    // Both runs asked for closed-port's check within health.reuseResultsMs: the second shared the
    // first's call, and a call is counted once, when it is made.
    expect(body).toMatch(
      /bers_check_duration_seconds_count\{service="closed-port",check="socket",status="[a-z]+"\} 1/,
    );
    expect(body).toContain('bers_process_cpu_seconds_total');
  });

  it('unknown paths are 404, wrong methods 405', async () => {
    expect((await fetch(`${h.url}/nope`)).status).toBe(404);
    expect((await fetch(`${h.url}/healthz`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${h.url}/slack/events`)).status).toBe(405);
  });

  it('a body over 1 MiB is refused with 413 before any route sees it', async () => {
    const response = await fetch(`${h.url}/webhooks/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"pad":"${'x'.repeat(1024 * 1024)}"}`,
    });
    expect(response.status).toBe(413);
  });

  it('after a body too large (Slack path or not), the connection is closed and the next requests are answered', async () => {
    for (const path of ['/slack/events', '/webhooks/alertmanager']) {
      const big = await fetch(`${h.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `text=${'a'.repeat(3 * 1024 * 1024)}`,
      });
      expect(big.status).toBe(413);
      expect(big.headers.get('connection')).toBe('close');
      await big.text();
      // The same client (undici's pool) at once: a reused half-read socket would be reset.
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${h.url}/healthz`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
    }
  });

  it('a route on the main thread gets the body the ingress thread read, and its answer goes back', async () => {
    const response = await fetch(`${h.url}/webhooks/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"not":"alertmanager"}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'not an Alertmanager webhook v4 body' });
  });
});

describe('GET /readyz when the store is gone', () => {
  it('503 with the reason', async () => {
    const store = await storeBackends()[0]!.open();
    const h = await startHttpBot({ config: configFrom(CONFIG), store });
    try {
      await store.close();
      const response = await fetch(`${h.url}/readyz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as Record<string, string>;
      expect(body.status).toBe('not ready');
      expect(body.config).toBe('ok');
      expect(body.store).toMatch(/^unreachable: /);
    } finally {
      await h.close();
    }
  });
});
