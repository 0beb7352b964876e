import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allCommands } from '../../../commands/index.js';
import type { AnyCommand } from '../../../src/core/command.js';
import { HTTP_CORPUS, type HttpCase, type Signing } from '../../fixtures/bad-input/index.js';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, SIGNING_SECRET, startHttpBot } from '../../helpers/http-bot.js';
import { slackSignature } from '../../helpers/slack-signing.js';

/** A modal whose validation fails the way a bug would, after the ingress thread forwarded it. */
const explodingModal: AnyCommand = {
  name: 'explode',
  summary: 'a modal that throws (test only)',
  usage: ['explode'],
  permission: 'read',
  args: z.array(z.string()),
  run: async () => ({ text: 'nothing' }),
  views: {
    boom: {
      permission: 'read',
      validate: () => {
        throw new TypeError('kaboom in a view handler');
      },
      run: async () => undefined,
    },
  },
};

/** Well inside Slack's 3 s: no case may wait for Bolt's "not acknowledged" timer. */
const ANSWER_WITHIN_MS = 2_000;

function signed(signing: Signing, body: string | Buffer): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const sign = (timestamp: string, secret = SIGNING_SECRET) => ({
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(secret, timestamp, body),
  });
  switch (signing) {
    case 'valid':
      return sign(String(now));
    case 'wrong-secret':
      return sign(String(now), 'not-the-signing-secret');
    case 'past':
      return sign(String(now - 6 * 60));
    case 'future':
      return sign(String(now + 6 * 60));
    case 'far-future':
      return sign(String(now + 2 * 60 * 60));
    case 'none':
      return {};
    case 'garbled-signature':
      return { ...sign(String(now)), 'x-slack-signature': 'v0=not-hex-at-all' };
    case 'garbled-timestamp':
      return sign('soon');
  }
}

describe('HTTP mode: the bad-input corpus (test/fixtures/bad-input/slack-http.ts)', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({
      commands: (services) => [...allCommands(services), explodingModal],
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 300 }]
`),
    });
  });
  afterAll(() => h.close());

  async function send(c: HttpCase, responseUrl: string) {
    const body = c.body({ responseUrl });
    const contentType = c.contentType === undefined ? 'application/x-www-form-urlencoded' : c.contentType;
    const headers = {
      ...(contentType ? { 'content-type': contentType } : {}),
      ...signed(c.signing ?? 'valid', body),
    };
    const started = performance.now();
    // A Buffer body goes as its bytes; fetch would re-encode nothing either way.
    const response = await fetch(`${h.url}/slack/events`, { method: 'POST', body, headers });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  }

  it.each(HTTP_CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const id = randomBytes(4).toString('hex');
    const { status, text, ms } = await send(c, h.slack.responseUrl(id));
    expect(status, text).toBe(c.expect.status);
    expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    // The ingress thread is restarted when it dies: that must never have been needed.
    expect(h.logs.text()).not.toContain('ingress thread died');
    if (c.expect.error) expect((JSON.parse(text) as { error: string }).error).toMatch(c.expect.error);
    if (c.expect.reply) {
      const reply = await h.slack.waitFor(
        () => h.slack.responsesTo(id)[0],
        10_000,
        `the reply to "${c.name}"`,
      );
      expect(String(reply.text)).toMatch(c.expect.reply);
    }
  });

  it('URL verification echoes the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
    const response = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...signed('valid', body) },
    });
    expect(await response.json()).toEqual({ challenge: 'c-123' });
  });

  it('a request target that is not a URL path: 400, not a 500', async () => {
    const { port } = new URL(h.url);
    const head = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.end('POST //[ HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += String(chunk);
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(h.logs.text()).not.toContain('ingress request failed');
  });

  it('a modal whose handler throws: closed at once, the failure answered privately and logged', async () => {
    const started = performance.now();
    const response = await h.submitView('bers:explode:boom', {});
    // Validation is the pipeline's: a bug in it closes the modal and is answered like any failure.
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    const dm = await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').find((c) => String(c.text).includes('Something went wrong')),
      10_000,
      'the failure answered to the user',
    );
    expect(String(dm.text)).toMatch(/reference `[^`]+`/);
    expect(h.logs.text()).toContain('kaboom in a view handler');
  });

  it('a command with NUL bytes is audited, its text cleaned', async () => {
    const { reply } = await h.command('help\u0000 health');
    expect(reply.response_type).toBe('ephemeral');
    const [row] = await h.bot.services.audit.recent(1);
    expect(row!.text).toBe('help health');
    expect(h.logs.text()).not.toContain('audit write failed');
  });

  it('after the whole corpus the bot is up, and its ingress thread never died', async () => {
    const { status, reply } = await h.command('health');
    expect(status).toBe(200);
    expect(JSON.stringify(reply)).toContain('web');
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const text = h.logs.text();
    expect(text).not.toContain('ingress thread died');
    expect(text).not.toContain('ingress thread failed');
    // Nothing reached Bolt that it could throw on.
    const failures = h.logs.lines().filter((l) => l.msg === 'a Slack payload failed');
    expect(failures).toEqual([]);
    expect(text).not.toContain('Slack request failed');
  });
});
