import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allCommands } from '../../../commands/index.js';
import type { Command } from '../../../src/core/command.js';
import { configFrom } from '../../helpers/config.js';
import {
  type HttpBotHarness,
  SIGNING_SECRET,
  slashCommandBody,
  startHttpBot,
} from '../../helpers/http-bot.js';
import { slackSignature } from '../../helpers/slack-signing.js';

const FORM = 'application/x-www-form-urlencoded';

/** A command whose handler fails the way a bug would: not a BersError. */
const explode: Command<string[]> = {
  name: 'explode',
  summary: 'throws (test only)',
  usage: ['explode'],
  permission: 'read',
  args: z.array(z.string()),
  run() {
    throw new TypeError('kaboom: cannot read properties of undefined');
  },
};

describe('HTTP mode: bad input', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: closed-port
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
  - name: other
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`),
      commands: (services) => [...allCommands(services), explode],
    });
  });
  afterAll(() => h.close());

  const auditCount = async () =>
    (await h.store.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]!.n;
  const warnings = () => h.logs.lines().filter((l) => l.level === 40);

  async function post(body: string, headers: Record<string, string>): Promise<number> {
    const response = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      body,
      headers: { 'content-type': FORM, ...headers },
    });
    await response.arrayBuffer();
    return response.status;
  }

  const signedAt = (body: string, seconds: number, secret = SIGNING_SECRET) => ({
    'x-slack-request-timestamp': String(seconds),
    'x-slack-signature': slackSignature(secret, String(seconds), body),
  });
  const now = () => Math.floor(Date.now() / 1000);

  const rejected: [string, (body: string) => { body: string; headers: Record<string, string> }][] = [
    ['forged (wrong secret)', (body) => ({ body, headers: signedAt(body, now(), 'not-the-secret') })],
    [
      'tampered (body changed after signing)',
      (body) => ({ body: body.replace('health', 'help'), headers: signedAt(body, now()) }),
    ],
    ['stale (signed 6 minutes ago)', (body) => ({ body, headers: signedAt(body, now() - 360) })],
    ['unsigned', (body) => ({ body, headers: {} })],
  ];

  it.each(rejected)('%s: 401, nothing runs, one warning', async (_name, make) => {
    const id = randomBytes(4).toString('hex');
    const { body, headers } = make(slashCommandBody('health', h.slack.responseUrl(id)));
    const auditBefore = await auditCount();
    const warningsBefore = warnings().length;
    const callsBefore = h.slack.calls.length;

    expect(await post(body, headers)).toBe(401);

    // A command that did run would have answered by the time a later, valid one has.
    await h.command('help');
    expect(h.slack.responsesTo(id)).toEqual([]);
    expect(await auditCount()).toBe(auditBefore + 1); // the `help` only
    expect(h.slack.calls.length).toBe(callsBefore);
    const added = warnings().slice(warningsBefore);
    expect(added).toHaveLength(1);
    expect(String(added[0]!.msg)).toMatch(/verify/i);
  });

  const garbage: [string, string][] = [
    ['10 000 characters', 'x'.repeat(10_000)],
    ['emoji', '🔥💥 🚒'],
    ['control characters', '\u0000\u0007\u001b[31mred\u001b[0m\r\n\t'],
    ['an unknown subcommand', 'frobnicate now'],
    ['right-to-left and zero-width text', '\u202ehtlaeh\u200b'],
  ];

  it.each(garbage)('%s: a usage message, never a crash', async (_name, text) => {
    const { status, reply } = await h.command(text);
    expect(status).toBe(200);
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toMatch(/not a bers command|characters long|\/bers health/);
    expect(String(reply.text)).toContain('/bers health');
  });

  it('invalid UTF-8 bytes in the form body: a usage message', async () => {
    const id = randomBytes(4).toString('hex');
    const body = slashCommandBody('PLACEHOLDER', h.slack.responseUrl(id)).replace(
      'PLACEHOLDER',
      '%FF%FE%C3%28%ED%A0%80',
    );
    expect(await post(body, signedAt(body, now()))).toBe(200);
    const reply = await h.slack.waitFor(() => h.slack.responsesTo(id)[0], 10_000, 'reply');
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('not a bers command');
  });

  it('raw non-UTF-8 bytes on the wire do not crash the server', async () => {
    const raw = Buffer.concat([
      Buffer.from(slashCommandBody('', h.slack.responseUrl('raw'))),
      Buffer.from([0xff, 0xfe, 0x80]),
    ]);
    const timestamp = String(now());
    const response = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      body: raw,
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, raw.toString('latin1')),
      },
    });
    expect([200, 400, 401]).toContain(response.status);
    expect((await h.command('help')).status).toBe(200);
  });

  it('an unknown service: the list of known ones', async () => {
    const { reply } = await h.command('health nosuch');
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('nosuch');
    expect(String(reply.text)).toContain('closed-port');
    expect(String(reply.text)).toContain('other');
  });

  it('an unexpected error: a friendly message with a correlation id, the full error in the log', async () => {
    const { reply } = await h.command('explode');
    expect(reply.response_type).toBe('ephemeral');
    const text = String(reply.text);
    expect(text).not.toContain('kaboom');
    const correlationId = /`([^`]+)`/.exec(text)?.[1];
    expect(correlationId).toBeTruthy();
    const line = h.logs.lines().find((l) => l.correlationId === correlationId && l.level === 50);
    expect(line).toBeDefined();
    const err = line!.err as { type: string; message: string; stack: string };
    expect(err.type).toBe('TypeError');
    expect(err.message).toContain('kaboom');
    expect(err.stack).toContain('bad-input.test.ts');
    const [row] = await h.bot.services.audit.recent(1);
    expect(row).toMatchObject({ subject: 'explode', outcome: 'error', correlationId });
  });
});
