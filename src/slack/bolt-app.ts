import type { IncomingMessage, ServerResponse } from 'node:http';
import { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackMode } from '../config/settings.js';
import type { KeptRequest, SlackDelivery } from '../inbox/kept-request.js';
import { boltLogger } from './bolt-logger.js';
import { SlackHttpReceiver } from './edge/http-receiver.js';
import { SlackSocketReceiver } from './edge/socket-receiver.js';
import type { ViewAck } from './view-ack.js';

/** Where Slack payloads go: kept first (the inbox), then to the main thread, which works them. */
export interface SlackForwarder {
  /**
   * Resolves once the payload is kept durably, with the kept request, or undefined when it had
   * been kept already (an Events API retry). Rejects when it could not be kept: then it is not acked.
   */
  keep(delivery: SlackDelivery, eventId?: string): Promise<KeptRequest | undefined>;
  deliver(request: KeptRequest): void;
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
    // Bolt's conversation store looks every event's channel up in memory and, for all of them (we
    // keep no conversation state), rejects with a new Error: 4.7 % of this thread's CPU under load.
    convoStore: false as const,
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

const NOT_KEPT =
  ':warning: bers-bot could not record this command (its store is unavailable), so nothing was done. ' +
  'Try again in a minute.';

function registerListeners(app: App, options: SlackAppOptions): void {
  const { forward, log } = options;
  const plain = (value: unknown) => value as unknown as Record<string, unknown>;

  // An ack tells Slack (and the user) the request is ours: so it is kept first, then acked.
  app.command(/^\/bers/, async ({ command, ack }) => {
    let kept: KeptRequest | undefined;
    try {
      kept = await forward.keep({ kind: 'command', payload: plain(command) });
    } catch (error) {
      log.error({ err: error }, 'could not keep a slash command; telling the user');
      await ack({ response_type: 'ephemeral', text: NOT_KEPT });
      return;
    }
    await ack();
    if (kept) forward.deliver(kept);
  });

  app.action(/^bers:/, async ({ ack, body }) => {
    // Not kept → not acked: Slack shows the click failed, which is true.
    const kept = await forward.keep({ kind: 'action', body: plain(body) });
    await ack();
    if (kept) forward.deliver(kept);
  });

  // Validate, ack (field errors keep the modal open), and only then hand over the work: a
  // declare creates a channel and posts, which must not race Slack's 3-second deadline.
  app.view(/^bers:/, async ({ ack, body }) => {
    const answer = await forward.view(plain(body));
    if (answer) return ack(answer);
    // Valid: kept before the ack closes the modal, like every other request.
    const kept = await forward.keep({ kind: 'view', body: plain(body) });
    await ack();
    if (kept) forward.deliver(kept);
  });

  for (const type of options.eventTypes) {
    app.event(type, async ({ event, body }) => {
      // Slack retries an event it thinks was not received; its id keeps the retry from running twice.
      const eventId = (body as { event_id?: unknown }).event_id;
      const kept = await forward.keep(
        { kind: 'event', type, event: plain(event) },
        typeof eventId === 'string' ? eventId : undefined,
      );
      if (kept) forward.deliver(kept);
    });
  }

  // Back to the receiver, which logs it once and answers 500 if no listener acked yet.
  app.error(async (error) => {
    throw error;
  });
}
