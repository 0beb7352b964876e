import pino from 'pino';
import { storeFatalities } from '../bot-options.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import type { BotConfig } from '../config/schema.js';
import { readSettings, slackModeOf } from '../config/settings.js';
import { keepingLoopAwake } from '../core/keep-awake.js';
import { createLogger, secretsIn } from '../observability/logger.js';
import type { PreparedStoreThread } from '../store/thread-store.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `bers-bot`: reads the environment main.ts hands over, starts the bot, and decides its exit.
 * `storeThread`: the embedded store's thread, started ahead by main.ts.
 */
export async function runBot(env: Env, storeThread?: PreparedStoreThread): Promise<void> {
  let settings: ReturnType<typeof readSettings>;
  try {
    settings = readSettings(env);
  } catch (error) {
    const lines = (error as Error).message.split('\n').map((line) => `  ${line}`);
    process.stderr.write(`bers-bot: invalid environment\n${lines.join('\n')}\n`);
    process.exit(2);
  }
  // In console mode stdout is the conversation: logs go to stderr, and only warnings unless asked.
  const consoleMode = slackModeOf(settings).kind === 'console';
  const level = consoleMode && env.LOG_LEVEL === undefined ? 'warn' : settings.LOG_LEVEL;
  const log = createLogger(level, consoleMode ? pino.destination(2) : undefined, secretsIn(env));
  const onFatal = (reason: string, error: Error) => {
    log.fatal({ err: error }, reason);
    process.exit(1);
  };
  // The store opens first (the embedded one in its own thread) while this thread loads the bot's
  // modules and reads the config: on a warm start each is about half of the time to ready.
  const storeOpening = import('../store/open-store.js').then(({ openStore }) =>
    openStore({
      databaseUrl: settings.DATABASE_URL,
      dataDir: settings.BERS_DATA_DIR,
      preparedThread: storeThread,
      ...storeFatalities(onFatal),
    }),
  );
  // Awaited by createBot; until then a failure to open must not count as unhandled.
  storeOpening.catch(() => undefined);
  let config: BotConfig;
  try {
    config = await loadConfig(settings.BERS_CONFIG, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`bers-bot: the config cannot be used\n${error.message}\n`);
    process.exit(2);
  }
  // Start-up runs PGlite's WASM and loads modules with no handle of its own (see keep-awake.ts).
  const { createBot } = await import('../app.js');
  const bot = await keepingLoopAwake(() =>
    createBot({ settings, config, log, processEnv: env, storeOpening, onFatal }),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await keepingLoopAwake(() => bot.start());
  log.info({ mode: bot.mode, services: config.services.length }, 'bers-bot started');
  if (bot.mode === 'console') {
    await bot.runConsole();
    await stop('end of input');
  }
}
