import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
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
import { Pipeline } from './core/pipeline.js';
import { HandlerRegistry } from './core/registry.js';
import type { Services } from './core/services.js';
import { botRoutes } from './http/bot-routes.js';
import { HttpRouter } from './http/routes.js';
import { Inbox } from './inbox/inbox.js';
import type { InboxTarget } from './inbox/kept-request.js';
import { Ingress, type IngressError, type PreparedThread } from './ingress/ingress.js';
import { lowerThisThreadsPriority } from './ingress/work-priority.js';
import { alertmanagerWebhookRoute } from './integrations/alertmanager/webhook-route.js';
import { BotMetrics } from './observability/metrics.js';
import type { ReportScheduler } from './scheduler/report-scheduler.js';
import { incidentEvents } from './slack/incident-events.js';
import { SlackChat } from './slack/slack-chat.js';
import { SlackDeliveries } from './slack/slack-deliveries.js';
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
  /**
   * Called when the bot can no longer run safely: the embedded store's directory lock was lost
   * (another process took it), or the ingress thread died. `reason` says which, for the log.
   */
  onFatal?: (reason: string, error: Error) => void;
  /** How often due-timers are polled (default 5 s); tests with a manual clock call `timers.poll()`. */
  timerPollMs?: number;
  /** Extra trusted CA certificates (PEM) for PagerDuty's HTTPS endpoints (tests' fakes). */
  pagerDutyCa?: string;
  /** The environment `command` executors start programs from (main passes process.env). */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** Waits between post-action health checks; tests with a ManualClock advance it here. */
  actionSleep?: (ms: number) => Promise<void>;
  /**
   * How often unfinished incident steps are retried and abandoned restarts/rollbacks looked for
   * (default 30 s); tests call `incidents.recover()` and `actions.runner.recoverInterrupted()`.
   */
  recoveryPollMs?: number;
  /** The `/bers` subcommands; defaults to commands/index.ts (tests add commands of their own). */
  commands?: AnyCommand[];
  /** Run the report schedules (default: yes, except in console mode). */
  scheduleReports?: boolean;
  /**
   * Where Slack requests are kept before their ack. Default: the journal in BERS_DATA_DIR or the
   * `inbox` table on DATABASE_URL, for a store the bot opened; nothing for an injected one (tests).
   */
  inbox?: InboxTarget;
}

export interface Bot {
  readonly mode: SlackMode['kind'];
  readonly services: Services;
  /** The one way in: every command, click, submission and event, from Slack and the console. */
  readonly pipeline: Pipeline;
  /** Report schedules; `catchUp()` looks for missed slots now (tests drive it with a manual clock). */
  readonly reportScheduler: ReportScheduler;
  /** The HTTP port actually bound (useful with PORT=0), once started. */
  port(): number | undefined;
  start(): Promise<void>;
  /** Console mode: reads commands until end of input. */
  runConsole(): Promise<void>;
  stop(): Promise<void>;
}

/** The default inbox: durable wherever the bot's own store is. */
function defaultInboxTarget(settings: Settings, ownsStore: boolean): InboxTarget {
  if (!ownsStore) return { kind: 'none' };
  if (settings.DATABASE_URL)
    return { kind: 'postgres', url: settings.DATABASE_URL, owner: randomUUID(), leaseMs: INBOX_LEASE_MS };
  return { kind: 'journal', dir: settings.BERS_DATA_DIR };
}

/** A replica that stops renewing its requests for this long is taken to be dead. */
const INBOX_LEASE_MS = 15_000;

/** The composition root: config → store → adapters → routers → transport. Nothing else wires. */
export async function createBot(options: BotOptions): Promise<Bot> {
  // The ingress thread loads its modules while this thread opens the store and builds the
  // services (see Ingress.prepare); it listens only once the bot is started, as before.
  const ingressThread = Ingress.prepare();
  try {
    return await assembleBot(options, ingressThread);
  } catch (error) {
    await ingressThread.worker.terminate();
    throw error;
  }
}

async function assembleBot(options: BotOptions, ingressThread: PreparedThread): Promise<Bot> {
  const { settings, config, log } = options;
  const clock = options.clock ?? systemClock;
  const mode = slackModeOf(settings);
  const fatal = (reason: string, error: Error) =>
    options.onFatal ? options.onFatal(reason, error) : log.fatal({ err: error }, reason);
  const ownsStore = options.store === undefined;
  const store =
    options.store ??
    (await openStore({
      databaseUrl: settings.DATABASE_URL,
      dataDir: settings.BERS_DATA_DIR,
      onLockLost: (error) => fatal('lost the data directory lock; stopping to protect the store', error),
    }));
  const metrics = new BotMetrics();
  const consoleIo = options.console ?? {
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
  };
  const buttons = new ButtonBoard(clock);
  const consoleChat = new ConsoleChat(consoleIo.output, buttons);
  let teamUrl: string | undefined;
  // The Web API client is loaded only for the Slack modes; the console never talks to Slack.
  const webClient =
    mode.kind === 'console'
      ? undefined
      : new (await import('@slack/web-api')).WebClient(mode.botToken, {
          slackApiUrl: settings.SLACK_API_URL,
        });
  const chat: Chat = webClient ? new SlackChat(webClient, () => teamUrl) : consoleChat;

  const { services, reportScheduler } = await buildServices({
    ...{ settings, config, log, clock, store, chat, metrics, webClient },
    pagerDutyCa: options.pagerDutyCa,
    processEnv: options.processEnv,
    actionSleep: options.actionSleep,
  });
  const registry = new HandlerRegistry(options.commands ?? allCommands(), incidentEvents);
  const pipeline = new Pipeline({
    registry,
    services,
    groupsOf:
      mode.kind === 'console' ? undefined : userGroupResolver(chat, config.permissions.roles, clock, log),
  });
  const slack = mode.kind === 'console' ? undefined : new SlackDeliveries({ pipeline, chat, log });
  const inboxTarget = options.inbox ?? defaultInboxTarget(settings, ownsStore);
  const inbox = slack && new Inbox({ store, target: inboxTarget, work: slack, clock, log });
  const http = new HttpRouter(
    [
      ...botRoutes({ store, metrics, configLoaded: () => true }),
      alertmanagerWebhookRoute({ token: config.alerts.webhook.token, notifier: services.alertNotifier, log }),
      services.pagerduty.route,
    ],
    log,
  );
  // Sockets, Slack signatures and acks live on their own thread (see ingress-worker.ts).
  const ingress = new Ingress(
    {
      port: settings.PORT,
      host: '0.0.0.0',
      slack: mode.kind === 'console' ? undefined : mode,
      slackApiUrl: settings.SLACK_API_URL,
      eventTypes: slack?.eventTypes ?? [],
      logLevel: log.level,
      inbox: inboxTarget,
    },
    {
      http,
      slack: slack &&
        inbox && { deliver: (request) => void inbox.accept(request), view: (body) => slack.view(body) },
    },
    log,
    (error) => fatal('the ingress thread (HTTP and Slack) kept dying; the bot hears nothing', error),
    undefined,
    undefined,
    ingressThread,
  );
  let boundPort: number | undefined;
  let recovery: NodeJS.Timeout | undefined;
  // Work a crash left half done: incident steps to finish, restarts/rollbacks whose process died.
  const recover = async () => {
    await services.incidents
      .recover()
      .catch((error: unknown) => log.error({ err: error }, 'incident recovery failed'));
    await services.actions.runner
      .recoverInterrupted()
      .catch((error: unknown) => log.error({ err: error }, 'interrupted action recovery failed'));
  };

  return {
    mode: mode.kind,
    services,
    pipeline,
    reportScheduler,
    port: () => boundPort,
    async start() {
      let botIdentity: { botId?: string; botUserId?: string } | undefined;
      if (webClient) {
        // Fails fast on a bad token, and gives the workspace URL for channel links.
        const auth = await webClient.auth.test();
        teamUrl = auth.url;
        botIdentity = { botId: auth.bot_id, botUserId: auth.user_id };
        log.info({ team: auth.team, botUser: auth.user_id }, 'connected to Slack');
      }
      // Before the ingress runs: what a dead process kept but never worked is taken up first.
      await inbox?.start();
      try {
        boundPort = await ingress.start(botIdentity);
        log.info({ port: boundPort, mode: mode.kind }, 'HTTP server listening');
        // After the ingress thread exists, so it keeps the normal priority (see work-priority.ts).
        if (mode.kind !== 'console') lowerThisThreadsPriority(settings.BERS_WORK_NICE, log);
      } catch (error) {
        await ingress.stop();
        // A developer's console session must not die because another app holds port 3000.
        if (mode.kind !== 'console' || (error as IngressError).code !== 'EADDRINUSE') throw error;
        log.warn(
          { port: settings.PORT },
          'port in use: console mode runs without /healthz, /metrics and webhooks',
        );
      }
      services.timers.start(options.timerPollMs);
      services.pagerduty.start();
      await recover();
      recovery = setInterval(() => void recover(), options.recoveryPollMs ?? 30_000);
      recovery.unref();
      if (options.scheduleReports ?? mode.kind !== 'console') reportScheduler.start();
    },
    runConsole: () =>
      runConsole({
        ...consoleIo,
        actor: { id: config.bot.consoleUser, name: config.bot.consoleUser },
        pipeline,
        chat: consoleChat,
        buttons,
        names: {
          services: config.services.map((s) => s.name),
          metrics: config.metrics.definitions.map((d) => d.name),
        },
      }),
    async stop() {
      clearInterval(recovery);
      await services.timers.stop();
      await reportScheduler.stop();
      await services.pagerduty.stop();
      await ingress.stop();
      await inbox?.stop();
      if (ownsStore) await store.close();
    },
  };
}
