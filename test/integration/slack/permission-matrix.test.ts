import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDescriptions } from '../../../commands/index.js';
import { handlersOf, type RegisteredHandler } from '../../../src/core/registry.js';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';

const IC = { id: 'U0IC', name: 'ic' };
const EVE = { id: 'U0EVE', name: 'eve' };
const state = (type: string, value: Record<string, unknown>) => ({ v: { type, ...value } });

/**
 * A submission of each modal that passes its validation, so what refuses it is the permission.
 * A new modal fails this test until it has an entry here.
 */
const VALID_SUBMISSIONS: Record<
  string,
  { values: Record<string, Record<string, unknown>>; metadata: string }
> = {
  'bers:incident:declare': {
    values: {
      title: state('plain_text_input', { value: 'eve was here' }),
      severity: state('static_select', { selected_option: { value: 'P0' } }),
    },
    metadata: 'form-key-1',
  },
  'bers:incident:update': {
    values: {
      status: state('static_select', { selected_option: { value: 'identified' } }),
      text: state('plain_text_input', { value: 'eve says so' }),
    },
    metadata: '1',
  },
  'bers:incident:assign': {
    values: {
      user: state('users_select', { selected_user: EVE.id }),
      role: state('static_select', { selected_option: { value: 'commander' } }),
    },
    metadata: '1',
  },
  'bers:incident:resolve': {
    values: { resolution: state('plain_text_input', { value: 'eve resolved it' }) },
    metadata: '1',
  },
  'bers:incident:reassign': {
    values: { user: state('users_select', { selected_user: EVE.id }) },
    metadata: '1',
  },
  // The runbook act step's form: `web` has no typed operation arguments, so any values pass.
  'bers:runbook:args': {
    values: { arg_ttl: state('plain_text_input', { value: '5m' }) },
    metadata: JSON.stringify({ run: 'rb-1', step: 0, service: 'web', operation: 'restart' }),
  },
};

const label = (h: RegisteredHandler) =>
  h.kind === 'command' ? `command /bers ${h.path.join(' ')}` : `${h.kind} ${h.id}`;

describe('permission matrix: every command, button and modal refuses a user without its permission', () => {
  let h: HttpBotHarness;
  let marker: string;
  let incidentChannel: { id: string; name: string };
  let restartRequest: string;
  let snapshot: () => Promise<string>;
  let before: string;
  let callsBefore: number;
  let auditBefore: number;

  beforeAll(async () => {
    marker = join(await mkdtemp(join(tmpdir(), 'bers-matrix-')), 'ran');
    const run = JSON.stringify(`require("fs").writeFileSync(${JSON.stringify(marker)}, "ran")`);
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
permissions:
  roles: { ic: { users: [${IC.id}] } }
  grants: { read: [ic], incident: [ic], alerts: [ic], operate: [ic], admin: [ic] }
actions:
  services:
    web:
      environments:
        production:
          executor:
            kind: command
            restart: { argv: [${JSON.stringify(process.execPath)}, -e, ${run}] }
            rollback: { argv: [${JSON.stringify(process.execPath)}, -e, ${run}] }
`),
    });
    // State a refused click or submission would change: an open incident, a pending restart.
    await h.command('incident declare P3 search is slow', IC);
    const incident = (await h.bot.services.incidents.get(1))!;
    incidentChannel = { id: incident.channelId!, name: incident.channelName! };
    const { reply } = await h.command('restart web', IC);
    restartRequest = /"value":"([^"]+)"/.exec(JSON.stringify(reply.blocks))![1]!;
    h.slack.addMessage(incidentChannel.id, { ts: '1767607500.000100', text: 'a pinnable message' });
    const { incidents, actions } = h.bot.services;
    snapshot = async () =>
      JSON.stringify([
        await incidents.listOpen(),
        await incidents.timeline(1),
        await incidents.pendingSteps(1),
        (await actions.service.load(restartRequest)).state,
        await h.store.query('SELECT * FROM alert_silences'),
      ]);
    await pollUntilSettled(h);
    before = await snapshot();
    callsBefore = h.slack.calls.length;
    auditBefore = await auditCount(h);
  });
  afterAll(() => h.close());

  const valueFor = (id: string) =>
    /^bers:(restart|rollback):(confirm|cancel)$/.test(id)
      ? restartRequest
      : id === 'bers:rollback:request'
        ? JSON.stringify({ service: 'web', environment: 'production' })
        : '1';

  /** Sends the interaction as EVE; resolves with the refusal she was shown. */
  async function asEve(handler: RegisteredHandler): Promise<Record<string, unknown>> {
    if (handler.kind === 'command')
      return (await h.command(handler.path.join(' '), EVE, incidentChannel)).reply;
    if (handler.kind === 'action') {
      const { responseId } = await h.click(handler.id, valueFor(handler.id), {
        user: EVE,
        channel: incidentChannel,
      });
      return h.slack.waitFor(() => h.slack.responsesTo(responseId)[0], 10_000, `answer to ${handler.id}`);
    }
    const submission = VALID_SUBMISSIONS[handler.id];
    if (!submission) throw new Error(`add a valid submission of ${handler.id} to VALID_SUBMISSIONS`);
    const seen = dmsTo(h, EVE.id).length;
    const response = await h.submitView(handler.id, submission.values, submission.metadata, EVE);
    // Valid fields: the modal closes (an empty 200); the refusal follows as a private message.
    expect([response.status, await response.text()]).toEqual([200, '']);
    return h.slack.waitFor(() => dmsTo(h, EVE.id)[seen], 10_000, `refusal of ${handler.id}`);
  }

  const handlers = handlersOf(commandDescriptions());

  it.each(handlers.map((handler) => [label(handler), handler] as const))(
    '%s: refused, audited as denied',
    async (_label, handler) => {
      const rowsBefore = await auditCount(h);
      const answer = await asEve(handler);
      expect(String(answer.text)).toMatch(/not allowed to .*needs the `\w+` permission \(ic\)/);
      if (handler.kind !== 'view') expect(answer.response_type).toBe('ephemeral');
      expect(await auditCount(h)).toBe(rowsBefore + 1);
      const [row] = await h.bot.services.audit.recent(1);
      expect(row).toMatchObject({
        kind: handler.kind,
        subject: handler.kind === 'command' ? handler.path.join(' ') : handler.id,
        actorId: EVE.id,
        outcome: 'denied',
      });
    },
  );

  it('a 📌 by that user is refused the same way', async () => {
    const event = {
      type: 'reaction_added',
      user: EVE.id,
      reaction: 'pushpin',
      item: { type: 'message', channel: incidentChannel.id, ts: '1767607500.000100' },
    };
    expect((await h.event(event)).status).toBe(200);
    const refusal = await h.slack.waitFor(
      () => h.slack.callsTo('chat.postEphemeral').find((c) => c.user === EVE.id),
      10_000,
      'refusal of the pin',
    );
    expect(String(refusal.text)).toContain('not allowed');
    const [row] = await h.bot.services.audit.recent(1);
    expect(row).toMatchObject({
      kind: 'event',
      subject: 'reaction_added',
      actorId: EVE.id,
      outcome: 'denied',
    });
  });

  it('and nothing happened: no state changed, no Slack call but the refusals, no row but the denials', async () => {
    await pollUntilSettled(h);
    expect(await snapshot()).toBe(before);
    expect(existsSync(marker)).toBe(false);
    const calls = h.slack.calls.slice(callsBefore).map((c) => `${c.method} ${String(c.args.channel)}`);
    const refusals = calls.filter(
      (c) => c === `chat.postMessage ${EVE.id}` || c.startsWith('chat.postEphemeral'),
    );
    expect(calls).toEqual(refusals);
    const rows = await h.bot.services.audit.recent(500);
    const since = rows.slice(0, (await auditCount(h)) - auditBefore);
    expect(since).toHaveLength(handlers.length + 1);
    expect(since.every((r) => r.actorId === EVE.id && r.outcome === 'denied')).toBe(true);
  });
});

async function auditCount(h: HttpBotHarness): Promise<number> {
  return (await h.store.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]!.n;
}

function dmsTo(h: HttpBotHarness, user: string): Record<string, unknown>[] {
  return h.slack.callsTo('chat.postMessage').filter((c) => c.channel === user);
}

/** Lets the declare's and the restart request's own posts finish before the snapshot. */
async function pollUntilSettled(h: HttpBotHarness): Promise<void> {
  await pollUntil(async () => (await h.bot.services.incidents.pendingSteps(1)) === 0, {
    what: 'the incident steps to finish',
    timeoutMs: 10_000,
    intervalMs: 20,
  });
}
