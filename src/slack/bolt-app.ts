import { App, HTTPReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackMode } from '../config/settings.js';
import type { InteractionRouter } from '../core/interactions.js';
import type { CommandRouter } from '../core/router.js';
import { boltLogger } from './bolt-logger.js';
import { flattenViewState, toRespondArguments } from './to-slack.js';
import { WorkQueue } from './work-queue.js';

/** Slack Events API handlers by event type (e.g. `reaction_added`), added by feature areas. */
export type SlackEventHandlers = Record<string, (event: Record<string, unknown>) => Promise<void>>;

export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'console' }>;
  slackApiUrl: string;
  log: Logger;
  router: CommandRouter;
  interactions: InteractionRouter;
  events?: SlackEventHandlers;
  /** The user groups (from `permissions.roles`) a user is in; none when not given. */
  groupsOf?: (userId: string) => Promise<string[]>;
}

export interface SlackApp {
  app: App;
  /** HTTP mode: serves `POST /slack/events` (signature-checked) inside our own HTTP server. */
  requestListener?: HTTPReceiver['requestListener'];
}

/**
 * The Bolt app for either transport. Every listener acks first — Slack's 3-second deadline — and
 * only then does the work, answering through `response_url`.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { mode, log } = options;
  const logger = boltLogger(log);
  const clientOptions = { slackApiUrl: options.slackApiUrl };
  let app: App;
  let requestListener: SlackApp['requestListener'];
  if (mode.kind === 'http') {
    const receiver = new HTTPReceiver({
      signingSecret: mode.signingSecret,
      endpoints: '/slack/events',
      logger,
    });
    app = new App({ token: mode.botToken, receiver, logger, clientOptions });
    requestListener = receiver.requestListener;
  } else {
    app = new App({ token: mode.botToken, appToken: mode.appToken, socketMode: true, logger, clientOptions });
  }
  registerListeners(app, options);
  return { app, requestListener };
}

/** Commands and clicks worked on at once; more wait (already acked) for a free slot. */
const WORK_CONCURRENCY = 8;

function registerListeners(app: App, options: SlackAppOptions): void {
  const { router, interactions, log } = options;
  const groupsOf = options.groupsOf ?? (async () => []);
  const work = new WorkQueue(WORK_CONCURRENCY);

  app.command(/^\/bers/, async ({ command, ack, respond }) => {
    await ack();
    await work.run(async () => {
      const reply = await router.dispatch({
        text: command.text,
        actor: { id: command.user_id, name: command.user_name, groups: await groupsOf(command.user_id) },
        channel: { id: command.channel_id, name: command.channel_name },
        mode: 'slack',
        triggerId: command.trigger_id,
        respond: (r) => respond(toRespondArguments(r)).then(() => undefined),
      });
      await respond(toRespondArguments(reply));
    });
  });

  app.action(/^bers:/, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    const channel = body.channel ?? { id: 'unknown', name: 'unknown' };
    await work.run(async () => {
      const reply = await interactions.action({
        actionId: action.action_id,
        value: action.value ?? '',
        actor: {
          id: body.user.id,
          name: body.user.username ?? body.user.name ?? body.user.id,
          groups: await groupsOf(body.user.id),
        },
        channel: { id: channel.id ?? 'unknown', name: channel.name ?? channel.id ?? 'unknown' },
        message:
          body.message && body.channel?.id ? { channel: body.channel.id, ts: body.message.ts } : undefined,
        triggerId: body.trigger_id,
        mode: 'slack',
        respond: (r) => respond(toRespondArguments(r)).then(() => undefined),
      });
      if (reply) await respond(toRespondArguments(reply));
    });
  });

  app.view(/^bers:/, async ({ ack, body, view }) => {
    const errors = await interactions.view({
      callbackId: view.callback_id,
      actor: { id: body.user.id, name: body.user.name },
      values: flattenViewState(view.state.values as Parameters<typeof flattenViewState>[0]),
      privateMetadata: view.private_metadata,
    });
    await ack(errors ? { response_action: 'errors', errors } : undefined);
  });

  for (const [type, handle] of Object.entries(options.events ?? {})) {
    app.event(type, async ({ event }) => {
      await handle(event as unknown as Record<string, unknown>).catch((error: unknown) =>
        log.error({ err: error, event: type }, 'event handler failed'),
      );
    });
  }

  app.error(async (error) => {
    log.error({ err: error }, 'unhandled Slack listener error');
  });
}
