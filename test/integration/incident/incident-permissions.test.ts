import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { INCIDENT_CONFIG } from './config.js';

const IC = { id: 'U0ADA', name: 'ada' };
const BOB = { id: 'U0BOB', name: 'bob' };
const resolution = { resolution: { resolution: { type: 'plain_text_input', value: 'bob fixed it' } } };

/** The finding of issue 11: buttons and modals ran for users the commands refuse. */
describe('with grants.incident: [ic], incident buttons and modals are the commands’ equals', () => {
  let h: HttpBotHarness;
  let channel: { id: string; name: string };
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`${INCIDENT_CONFIG}
permissions:
  roles: { ic: { users: [${IC.id}] } }
  grants: { incident: [ic] }
`),
    });
    await h.command('incident declare P2 checkout is slow', IC);
    const incident = (await h.bot.services.incidents.get(1))!;
    channel = { id: incident.channelId!, name: incident.channelName! };
  });
  afterAll(() => h.close());

  const lastRow = async () => (await h.bot.services.audit.recent(1))[0];

  it('the command refuses bob', async () => {
    const { reply } = await h.command('incident resolve 1 bob fixed it', BOB, channel);
    expect(String(reply.text)).toContain('not allowed');
    expect(await lastRow()).toMatchObject({ kind: 'command', actorId: BOB.id, outcome: 'denied' });
  });

  it('so does Acknowledge: refused, audited, not acknowledged', async () => {
    const { responseId } = await h.click('bers:incident:acknowledge', '1', { user: BOB, channel });
    const answer = await h.slack.waitFor(() => h.slack.responsesTo(responseId)[0], 10_000, 'answer');
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer.text)).toContain('You are not allowed to use this button');
    expect(await lastRow()).toMatchObject({
      kind: 'action',
      subject: 'bers:incident:acknowledge',
      actorId: BOB.id,
      outcome: 'denied',
    });
    expect((await h.bot.services.incidents.get(1))?.acknowledgedAt).toBeUndefined();
  });

  it('and the resolve modal: closed, refused in a private message, audited, not resolved', async () => {
    const response = await h.submitView('bers:incident:resolve', resolution, '1', BOB);
    expect([response.status, await response.text()]).toEqual([200, '']);
    const refusal = await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').find((c) => c.channel === BOB.id),
      10_000,
      'refusal',
    );
    expect(String(refusal.text)).toContain('You are not allowed to submit this form');
    expect(await lastRow()).toMatchObject({
      kind: 'view',
      subject: 'bers:incident:resolve',
      actorId: BOB.id,
      outcome: 'denied',
    });
    const incident = await h.bot.services.incidents.get(1);
    expect(incident?.resolvedAt).toBeUndefined();
    expect((await h.bot.services.incidents.timeline(1)).map((e) => e.kind)).not.toContain('resolved');
  });

  it('the commander may do both', async () => {
    const { responseId } = await h.click('bers:incident:acknowledge', '1', { user: IC, channel });
    const answer = await h.slack.waitFor(() => h.slack.responsesTo(responseId)[0], 10_000, 'answer');
    expect(String(answer.text)).toContain('You acknowledged incident #1');
    expect(await lastRow()).toMatchObject({ kind: 'action', actorId: IC.id, outcome: 'ok' });
    await h.submitView('bers:incident:resolve', resolution, '1', IC);
    await pollUntil(async () => (await h.bot.services.incidents.get(1))?.resolvedAt, {
      what: 'the incident to be resolved',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    await pollUntil(async () => (await lastRow())?.kind === 'view', {
      what: 'the audit row',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    expect(await lastRow()).toMatchObject({
      subject: 'bers:incident:resolve',
      actorId: IC.id,
      outcome: 'ok',
    });
  });
});
