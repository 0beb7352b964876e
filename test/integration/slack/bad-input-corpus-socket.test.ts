import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_CORPUS } from '../../fixtures/bad-input/socket-mode.js';
import type { FakeSlack } from '../../helpers/fake-slack.js';
import type { FakeSocketMode } from '../../helpers/fake-socket-mode.js';
import { type SocketBotHarness, startSocketBot } from '../../helpers/socket-bot.js';

describe('Socket Mode: the bad-input corpus (test/fixtures/bad-input/socket-mode.ts)', () => {
  let h: SocketBotHarness;
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let logs: SocketBotHarness['logs'];

  beforeAll(async () => {
    h = await startSocketBot();
    ({ slack, socket, logs } = h);
  });
  afterAll(() => h.close());

  /** An event nobody listens to: Bolt acks it at once, so its ack says the frames before it were handled. */
  const probe = () =>
    socket.send('events_api', {
      type: 'event_callback',
      event_id: `Ev${randomBytes(4).toString('hex')}`,
      event_time: 1,
      event: { type: 'emoji_changed' },
    });

  it.each(SOCKET_CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const id = randomBytes(8).toString('hex');
    const started = performance.now();
    socket.sendRaw(c.frame(id));
    const probeId = probe();
    await slack.waitFor(() => socket.ackOf(probeId), 2_000, 'the probe ack');
    expect(performance.now() - started).toBeLessThan(2_000);
    const ack = socket.ackOf(id);
    if (c.expect === 'acked') {
      expect(ack).toBeDefined();
      expect(ack!.payload ?? {}).toEqual({});
    } else {
      expect(ack).toBeUndefined();
    }
    // A restarted ingress thread would have connected again.
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('malformed frames are logged as such, and the connection and the bot stay up', async () => {
    const warnings = logs
      .lines()
      .filter((l) => l.level === 40)
      .map((l) => String(l.msg));
    expect(warnings).toContain('malformed Socket Mode envelope acked and dropped');
    expect(warnings).toContain('malformed Socket Mode message dropped');
    const envelopeId = socket.send('slash_commands', {
      team_id: 'T0FAKE',
      channel_id: 'C0OPS',
      channel_name: 'ops',
      user_id: 'U0ADA',
      user_name: 'ada',
      command: '/bers',
      text: 'help',
      response_url: slack.responseUrl('after-corpus'),
      trigger_id: 'trigger-after',
    });
    await slack.waitFor(() => socket.ackOf(envelopeId), 5_000, 'the command ack');
    const reply = await slack.waitFor(() => slack.responsesTo('after-corpus')[0], 10_000, 'the reply');
    expect(String(reply.text)).toContain('/bers health');
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
    expect(logs.text()).not.toContain('ingress thread died');
    expect(logs.text()).not.toContain('a Slack payload failed');
  });
});
