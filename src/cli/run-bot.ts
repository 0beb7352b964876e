import pino from 'pino';
import { createBot } from '../app.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import type { BotConfig } from '../config/schema.js';
import { readSettings, slackModeOf } from '../config/settings.js';
import { collectGarbageAfterStartUp } from '../core/full-collection.js';
import { keepingLoopAwake } from '../core/keep-awake.js';
import { createLogger, secretsIn } from '../observability/logger.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `bers-bot`: reads the environment main.ts hands over, starts the bot, and decides its exit. */
export async function runBot(env: Env): Promise<void> {
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
  let config: BotConfig;
  try {
    config = await loadConfig(settings.BERS_CONFIG, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`bers-bot: the config cannot be used\n${error.message}\n`);
    process.exit(2);
  }
  // Start-up runs PGlite's WASM and loads modules with no handle of its own (see keep-awake.ts).
  const bot = await keepingLoopAwake(() =>
    createBot({
      settings,
      config,
      log,
      processEnv: env,
      onFatal: (reason, error) => {
        log.fatal({ err: error }, reason);
        process.exit(1);
      },
    }),
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
  collectGarbageAfterStartUp(); // start-up's garbage, before the bot sits idle (see full-collection.ts)
  if (bot.mode === 'console') {
    await bot.runConsole();
    await stop('end of input');
  }
}
