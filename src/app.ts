// The bot's options and handle live in bot-options.ts; re-exported for the callers of createBot.
export type { Bot, BotOptions } from './bot-options.js';

import { randomUUID } from 'node:crypto';
import { allCommands } from '../commands/index.js';
import type { Bot, BotOptions } from './bot-options.js';
import { buildServices } from './build-services.js';
import { type Settings, slackModeOf } from './config/settings.js';
import { ButtonBoard } from './console/button-board.js';
import { ConsoleChat } from './console/console-chat.js';
import { runConsole } from './console/console-mode.js';
import type { Chat } from './core/chat.js';
import { systemClock } from './core/clock.js';
import { Pipeline } from './core/pipeline.js';
import { HandlerRegistry } from './core/registry.js';
import { botRoutes } from './http/bot-routes.js';
import { HttpRouter } from './http/routes.js';
import { statusRoutes } from './http/status-routes.js';
import { Inbox } from './inbox/inbox.js';
import type { InboxTarget } from './inbox/kept-request.js';
import { Ingress, type IngressError, type PreparedThread } from './ingress/ingress.js';
import { lowerThisThreadsPriority } from './ingress/work-priority.js';
import { BotMetrics } from './observability/metrics.js';
import { allEvents } from './slack/events.js';
import { SlackChat } from './slack/slack-chat.js';
import { SlackDeliveries } from './slack/slack-deliveries.js';
import { userGroupResolver } from './slack/user-groups.js';
import { openStore } from './store/open-store.js';
import { errorReplies } from './views/error-reply.js';
import { pushAlertRoutes } from './wiring/push-alert-source-kinds.js';

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
      : (await import('./slack/web-client.js')).createWebClient(mode.botToken, settings.SLACK_API_URL);
  const chat: Chat = webClient ? new SlackChat(webClient, () => teamUrl) : consoleChat;

  const { services, reportScheduler } = await buildServices({
    ...{ settings, config, log, clock, store, chat, metrics, webClient },
    pagerDutyCa: options.pagerDutyCa,
    processEnv: options.processEnv,
    actionSleep: options.actionSleep,
  });
  const registry = new HandlerRegistry((options.commands ?? allCommands)(services), allEvents(services));
  const pipeline = new Pipeline({
    registry,
    services,
    errorReplies,
    groupsOf:
      mode.kind === 'console' ? undefined : userGroupResolver(chat, config.permissions.roles, clock, log),
  });
  const slack = mode.kind === 'console' ? undefined : new SlackDeliveries({ pipeline, chat, log });
  const inboxTarget = options.inbox ?? defaultInboxTarget(settings, ownsStore);
  const inbox = slack && new Inbox({ store, target: inboxTarget, work: slack, clock, log });
  const http = new HttpRouter(
    [
      ...botRoutes({ store, metrics, configLoaded: () => true }),
      ...statusRoutes(services.statusPage),
      ...pushAlertRoutes({ settings: config.alerts, notifier: services.alertNotifier, log }),
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
      // Before the timers poll: the configured windows' next occurrences and their timers exist.
      await services.maintenance.planRecurring();
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
