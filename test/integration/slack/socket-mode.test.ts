import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/app.js';
import type { FakeSlack } from '../../helpers/fake-slack.js';
import type { FakeSocketMode } from '../../helpers/fake-socket-mode.js';
import { SOCKET_ENV, type SocketBotHarness, startSocketBot } from '../../helpers/socket-bot.js';

describe('Socket Mode', () => {
  let h: SocketBotHarness;
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let bot: Bot;
  let logs: SocketBotHarness['logs'];

  beforeAll(async () => {
    h = await startSocketBot();
    ({ slack, socket, bot, logs } = h);
  });
  afterAll(() => h.close());

  it('connects through apps.connections.open with the app token', () => {
    expect(bot.mode).toBe('socket');
    expect(socket.connected).toBe(true);
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
  });

  it('acks a slash_commands envelope, then answers through response_url', async () => {
    const envelopeId = socket.send('slash_commands', {
      token: 'legacy',
      team_id: 'T0FAKE',
      team_domain: 'fake',
      channel_id: 'C0OPS',
      channel_name: 'ops',
      user_id: 'U0ADA',
      user_name: 'ada',
      command: '/bers',
      text: `health web ${SOCKET_ENV.SLACK_BOT_TOKEN}`,
      api_app_id: 'A0BERS',
      is_enterprise_install: 'false',
      response_url: slack.responseUrl('sock1'),
      trigger_id: 'trigger-sock1',
    });
    const ack = await slack.waitFor(() => socket.ackOf(envelopeId), 10_000, 'the envelope ack');
    expect(ack.envelope_id).toBe(envelopeId);
    const reply = await slack.waitFor(() => slack.responsesTo('sock1')[0], 10_000, 'the reply');
    expect(String(reply.text)).toContain('xoxb-'); // the user's own text echoed back to them
    const [row] = await bot.services.audit.recent(1);
    expect(row).toMatchObject({ actorId: 'U0ADA', channelId: 'C0OPS' });
  });

  it("Bolt's own log lines are JSON and carry no token", () => {
    const bolt = logs.lines().filter((l) => l.component === 'bolt');
    expect(bolt.length).toBeGreaterThan(0);
    expect(bolt.some((l) => String(l.msg).includes('slash_commands'))).toBe(true);
    expect(logs.text()).not.toContain(SOCKET_ENV.SLACK_BOT_TOKEN);
    expect(logs.text()).not.toContain(SOCKET_ENV.SLACK_APP_TOKEN);
    expect(logs.text()).not.toContain('socketbottoken');
  });
});
