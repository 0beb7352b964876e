import { App, HTTPReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackMode } from '../config/settings.js';
import type { SlackDelivery, ViewAck } from '../ingress/protocol.js';
import { boltLogger } from './bolt-logger.js';

/** Where acked Slack payloads go: the main thread, which owns the commands and the store. */
export interface SlackForwarder {
  deliver(delivery: SlackDelivery): void;
  /**
   * A modal submission is acked with its validation errors, so it waits for them; the main thread
   * only validates here (cheap and pure), and the work follows as a `view` delivery.
   */
  view(body: Record<string, unknown>): Promise<ViewAck>;
}

export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'console' }>;
  slackApiUrl: string;
  /** Known from the bot's own `auth.test`; when both are given Bolt does not call it again. */
  botIdentity?: { botId?: string; botUserId?: string };
  log: Logger;
  forward: SlackForwarder;
  /** Events API types to pass on (e.g. `reaction_added`). */
  eventTypes: readonly string[];
}

export interface SlackApp {
  app: App;
  /** HTTP mode: serves `POST /slack/events` (signature-checked). */
  requestListener?: HTTPReceiver['requestListener'];
}

/**
 * The Bolt app for either transport. It runs on the ingress thread and does no work of its own:
 * every listener acks first — Slack's 3-second deadline — then forwards the payload, whose reply
 * goes back through `response_url` from the main thread.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { mode, log } = options;
  const logger = boltLogger(log);
  const common = {
    token: mode.botToken,
    ...options.botIdentity,
    logger,
    clientOptions: { slackApiUrl: options.slackApiUrl },
  };
  let app: App;
  let requestListener: SlackApp['requestListener'];
  if (mode.kind === 'http') {
    const receiver = new HTTPReceiver({
      signingSecret: mode.signingSecret,
      endpoints: '/slack/events',
      logger,
    });
    app = new App({ ...common, receiver });
    requestListener = receiver.requestListener;
  } else {
    app = new App({ ...common, appToken: mode.appToken, socketMode: true });
  }
  registerListeners(app, options);
  return { app, requestListener };
}

function registerListeners(app: App, options: SlackAppOptions): void {
  const { forward, log } = options;
  const plain = (value: unknown) => value as unknown as Record<string, unknown>;

  app.command(/^\/bers/, async ({ command, ack }) => {
    await ack();
    forward.deliver({ kind: 'command', payload: plain(command) });
  });

  app.action(/^bers:/, async ({ ack, body }) => {
    await ack();
    forward.deliver({ kind: 'action', body: plain(body) });
  });

  // Validate, ack (field errors keep the modal open), and only then hand over the work: a
  // declare creates a channel and posts, which must not race Slack's 3-second deadline.
  app.view(/^bers:/, async ({ ack, body }) => {
    const answer = await forward.view(plain(body));
    await ack(answer);
    if (!answer) forward.deliver({ kind: 'view', body: plain(body) });
  });

  for (const type of options.eventTypes) {
    app.event(type, async ({ event }) => {
      forward.deliver({ kind: 'event', type, event: plain(event) });
    });
  }

  app.error(async (error) => {
    log.error({ err: error }, 'unhandled Slack listener error');
  });
}
