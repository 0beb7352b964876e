import { type Bot, createBot } from '../../src/app.js';
import { readSettings } from '../../src/config/settings.js';
import { secretsIn } from '../../src/observability/logger.js';
import type { Store } from '../../src/store/store.js';
import { configFrom, MINIMAL_CONFIG } from './config.js';
import { FakeSlack } from './fake-slack.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import { captureLogs } from './logs.js';
import { storeBackends } from './stores.js';

export const SOCKET_ENV = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-socketbottoken',
  SLACK_APP_TOKEN: 'xapp-1-A0BERS-3333-socketapptoken',
  PORT: '0',
  // The bot's main thread is the test runner's: leave its priority as it is.
  BERS_WORK_NICE: '0',
};

export interface SocketBotHarness {
  bot: Bot;
  slack: FakeSlack;
  socket: FakeSocketMode;
  store: Store;
  logs: ReturnType<typeof captureLogs>;
  close(): Promise<void>;
}

/** The whole bot in Socket Mode, connected to a fake Slack's WebSocket, as Slack would drive it. */
export async function startSocketBot(): Promise<SocketBotHarness> {
  const logs = captureLogs('debug', secretsIn(SOCKET_ENV));
  const slack = await FakeSlack.start();
  const socket = await FakeSocketMode.start(slack);
  const store = await storeBackends()[0]!.open();
  const bot = await createBot({
    settings: readSettings({ ...SOCKET_ENV, SLACK_API_URL: slack.apiUrl }),
    config: configFrom(MINIMAL_CONFIG),
    log: logs.log,
    store,
    timerPollMs: 60_000,
  });
  await bot.start();
  return {
    ...{ bot, slack, socket, store, logs },
    async close() {
      await bot.stop();
      await socket.close();
      await slack.close();
      await store.close();
    },
  };
}
