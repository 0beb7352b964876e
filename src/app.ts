import type { Readable, Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { allCommands } from '../commands/index.js';
import { buildServices } from './build-services.js';
import type { BotConfig } from './config/schema.js';
import { type Settings, type SlackMode, slackModeOf } from './config/settings.js';
import { ButtonBoard } from './console/button-board.js';
import { ConsoleChat } from './console/console-chat.js';
import { runConsole } from './console/console-mode.js';
import type { Chat } from './core/chat.js';
import { type Clock, systemClock } from './core/clock.js';
import type { AnyCommand } from './core/command.js';
import { InteractionRouter } from './core/interactions.js';
import { CommandRouter } from './core/router.js';
import type { Services } from './core/services.js';
import { botRoutes } from './http/bot-routes.js';
import { BotHttpServer, type HttpRoute } from './http/http-server.js';
import { alertmanagerWebhookRoute } from './integrations/alertmanager/webhook-route.js';
import { BotMetrics } from './observability/metrics.js';
import type { ReportScheduler } from './scheduler/report-scheduler.js';
import { createSlackApp, type SlackApp } from './slack/bolt-app.js';
import { incidentEvents } from './slack/incident-events.js';
import { SlackChat } from './slack/slack-chat.js';
import { userGroupResolver } from './slack/user-groups.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  interactive: boolean;
}

export interface BotOptions {
  settings: Settings;
  config: BotConfig;
  log: Logger;
  clock?: Clock;
  /** Injected by tests; otherwise opened from DATABASE_URL / BERS_DATA_DIR and closed on stop. */
  store?: Store;
  /** Console mode's terminal; defaults to the process's stdin/stdout. */
  console?: ConsoleIo;
  /** Called when the embedded store's directory lock is lost (another process took it). */
  onFatal?: (error: Error) => void;
  /** How often due-timers are polled (default 5 s); tests with a manual clock call `timers.poll()`. */
  timerPollMs?: number;
  /** Extra trusted CA certificates (PEM) for PagerDuty's HTTPS endpoints (tests' fakes). */
  pagerDutyCa?: string;
  /** The environment `command` executors start programs from (main passes process.env). */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** Waits between post-action health checks; tests with a ManualClock advance it here. */
  actionSleep?: (ms: number) => Promise<void>;
  /** How often unfinished incident steps are retried (default 30 s); tests call `incidents.recover()`. */
  recoveryPollMs?: number;
  /** The `/bers` subcommands; defaults to commands/index.ts (tests add commands of their own). */
  commands?: AnyCommand[];
  /** Run the report schedules (default: yes, except in console mode). */
  scheduleReports?: boolean;
}

export interface Bot {
  readonly mode: SlackMode['kind'];
  readonly services: Services;
  readonly router: CommandRouter;
  readonly interactions: InteractionRouter;
  /** Report schedules; `catchUp()` looks for missed slots now (tests drive it with a manual clock). */
  readonly reportScheduler: ReportScheduler;
  /** The HTTP port actually bound (useful with PORT=0), once started. */
  port(): number | undefined;
  start(): Promise<void>;
  /** Console mode: reads commands until end of input. */
  runConsole(): Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: config → store → adapters → routers → transport. Nothing else wires. */
export async function createBot(options: BotOptions): Promise<Bot> {
  const { settings, config, log } = options;
  const clock = options.clock ?? systemClock;
  const mode = slackModeOf(settings);
  const ownsStore = options.store === undefined;
  const store =
    options.store ??
    (await openStore({
      databaseUrl: settings.DATABASE_URL,
      dataDir: settings.BERS_DATA_DIR,
      onLockLost: options.onFatal,
    }));
  const metrics = new BotMetrics();
  const consoleIo = options.console ?? {
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
  };
  const buttons = new ButtonBoard();
  const consoleChat = new ConsoleChat(consoleIo.output, buttons);
  let teamUrl: string | undefined;
  const webClient =
    mode.kind === 'console'
      ? undefined
      : new WebClient(mode.botToken, { slackApiUrl: settings.SLACK_API_URL });
  const chat: Chat = webClient ? new SlackChat(webClient, () => teamUrl) : consoleChat;

  const { services, reportScheduler } = await buildServices({
    ...{ settings, config, log, clock, store, chat, metrics, webClient },
    pagerDutyCa: options.pagerDutyCa,
    processEnv: options.processEnv,
    actionSleep: options.actionSleep,
  });
  const commands = options.commands ?? allCommands();
  const router = new CommandRouter(commands, services);
  const interactions = new InteractionRouter(commands, services);

  let slack: SlackApp | undefined;
  if (mode.kind !== 'console') {
    const groupsOf = userGroupResolver(chat, config.permissions.roles, clock, log);
    slack = createSlackApp({
      mode,
      slackApiUrl: settings.SLACK_API_URL,
      log,
      router,
      interactions,
      events: { ...incidentEvents(services) },
      groupsOf,
    });
  }
  const routes: HttpRoute[] = [...botRoutes({ store, metrics, configLoaded: () => true })];
  routes.push(
    alertmanagerWebhookRoute({ token: config.alerts.webhook.token, notifier: services.alertNotifier, log }),
  );
  if (slack?.requestListener) {
    const listener = slack.requestListener;
    routes.push({ method: 'POST', path: '/slack/events', handle: (req, res) => listener(req, res) });
  }
  routes.push(services.pagerduty.route);
  const http = new BotHttpServer(routes, log);
  let boundPort: number | undefined;
  let incidentRecovery: NodeJS.Timeout | undefined;

  return {
    mode: mode.kind,
    services,
    router,
    interactions,
    reportScheduler,
    port: () => boundPort,
    async start() {
      if (webClient) {
        // Fails fast on a bad token, and gives the workspace URL for channel links.
        const auth = await webClient.auth.test();
        teamUrl = auth.url;
        log.info({ team: auth.team, botUser: auth.user_id }, 'connected to Slack');
      }
      try {
        boundPort = await http.listen(settings.PORT);
        log.info({ port: boundPort, mode: mode.kind }, 'HTTP server listening');
      } catch (error) {
        // A developer's console session must not die because another app holds port 3000.
        if (mode.kind !== 'console' || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        log.warn(
          { port: settings.PORT },
          'port in use: console mode runs without /healthz, /metrics and webhooks',
        );
      }
      if (mode.kind === 'socket') await slack!.app.start();
      services.timers.start(options.timerPollMs);
      services.pagerduty.start();
      await services.incidents.recover();
      incidentRecovery = setInterval(() => {
        services.incidents
          .recover()
          .catch((error: unknown) => log.error({ err: error }, 'incident recovery failed'));
      }, options.recoveryPollMs ?? 30_000);
      incidentRecovery.unref();
      if (options.scheduleReports ?? mode.kind !== 'console') reportScheduler.start();
    },
    runConsole: () =>
      runConsole({
        ...consoleIo,
        actor: { id: config.bot.consoleUser, name: config.bot.consoleUser },
        router,
        interactions,
        chat: consoleChat,
        buttons,
      }),
    async stop() {
      clearInterval(incidentRecovery);
      await services.timers.stop();
      await reportScheduler.stop();
      await services.pagerduty.stop();
      if (mode.kind === 'socket') await slack!.app.stop().catch(() => {});
      await http.close();
      if (ownsStore) await store.close();
    },
  };
}
