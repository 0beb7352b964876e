import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bot, createBot } from '../../../src/app.js';
import { readSettings } from '../../../src/config/settings.js';
import { secretsIn } from '../../../src/observability/logger.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom, MINIMAL_CONFIG } from '../../helpers/config.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { FakeSocketMode } from '../../helpers/fake-socket-mode.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

const env = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-socketbottoken',
  SLACK_APP_TOKEN: 'xapp-1-A0BERS-3333-socketapptoken',
  PORT: '0',
  // The bot's main thread is the test runner's: leave its priority as it is.
  BERS_WORK_NICE: '0',
};

describe('Socket Mode', () => {
  let slack: FakeSlack;
  let socket: FakeSocketMode;
  let store: Store;
  let bot: Bot;
  const logs = captureLogs('debug', secretsIn(env));

  beforeAll(async () => {
    slack = await FakeSlack.start();
    socket = await FakeSocketMode.start(slack);
    store = await storeBackends()[0]!.open();
    bot = await createBot({
      settings: readSettings({ ...env, SLACK_API_URL: slack.apiUrl }),
      config: configFrom(MINIMAL_CONFIG),
      log: logs.log,
      store,
      timerPollMs: 60_000,
    });
    await bot.start();
  });
  afterAll(async () => {
    await bot.stop();
    await socket.close();
    await slack.close();
    await store.close();
  });

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
      text: `health web ${env.SLACK_BOT_TOKEN}`,
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
    expect(logs.text()).not.toContain(env.SLACK_BOT_TOKEN);
    expect(logs.text()).not.toContain(env.SLACK_APP_TOKEN);
    expect(logs.text()).not.toContain('socketbottoken');
  });
});
