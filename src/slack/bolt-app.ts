import type { IncomingMessage, ServerResponse } from 'node:http';
import { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackMode } from '../config/settings.js';
import type { SlackDelivery, ViewAck } from '../ingress/protocol.js';
import { boltLogger } from './bolt-logger.js';
import { SlackHttpReceiver } from './edge/http-receiver.js';
import { SlackSocketReceiver } from './edge/socket-receiver.js';

/** Where acked Slack payloads go: the main thread, which owns the commands and the store. */
export interface SlackForwarder {
  deliver(delivery: SlackDelivery): void;
  /** A modal submission is acked with the validation errors, so it waits for the answer. */
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
  /** HTTP mode: serves `POST /slack/events` (signature and shape checked; never throws). */
  requestListener?: (req: IncomingMessage, res: ServerResponse) => void;
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
    // Our receivers check every payload before Bolt sees it (see src/slack/edge/).
    const receiver = new SlackHttpReceiver({ signingSecret: mode.signingSecret, log });
    app = new App({ ...common, receiver });
    requestListener = receiver.requestListener;
  } else {
    const { appToken } = mode;
    const receiver = new SlackSocketReceiver({ appToken, slackApiUrl: options.slackApiUrl, logger, log });
    app = new App({ ...common, receiver });
  }
  registerListeners(app, options);
  return { app, requestListener };
}

function registerListeners(app: App, options: SlackAppOptions): void {
  const { forward } = options;
  const plain = (value: unknown) => value as unknown as Record<string, unknown>;

  app.command(/^\/bers/, async ({ command, ack }) => {
    await ack();
    forward.deliver({ kind: 'command', payload: plain(command) });
  });

  app.action(/^bers:/, async ({ ack, body }) => {
    await ack();
    forward.deliver({ kind: 'action', body: plain(body) });
  });

  app.view(/^bers:/, async ({ ack, body }) => {
    await ack(await forward.view(plain(body)));
  });

  for (const type of options.eventTypes) {
    app.event(type, async ({ event }) => {
      forward.deliver({ kind: 'event', type, event: plain(event) });
    });
  }

  // Back to the receiver, which logs it once and answers 500 if no listener acked yet.
  app.error(async (error) => {
    throw error;
  });
}
