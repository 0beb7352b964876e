import type { App, Logger as BoltLogger, Receiver } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from 'pino';
import { dispatchToBolt } from './dispatch-to-bolt.js';
import { type Checked, checkEventsBody, checkInteractivity, checkSlashCommand } from './slack-payload.js';

export interface SlackSocketReceiverOptions {
  appToken: string;
  slackApiUrl: string;
  /** Bolt's logger (over `log`), for the Socket Mode client's own lines. */
  logger: BoltLogger;
  log: Logger;
}

/** What the Socket Mode client emits as `slack_event` for each envelope. */
interface SocketEvent {
  ack(response?: unknown): Promise<void>;
  envelope_id?: string;
  type?: string;
  body?: unknown;
  retry_num?: number;
  retry_reason?: string;
}

/**
 * The Socket Mode client dereferences an envelope before emitting it (`payload.event.type` of an
 * `events_api` one): a message without those would throw inside its WebSocket handler, an
 * unhandled rejection that ends the ingress thread. Such a message is logged and dropped.
 */
class GuardedSocketModeClient extends SocketModeClient {
  constructor(
    options: ConstructorParameters<typeof SocketModeClient>[0],
    private readonly log: Logger,
  ) {
    super(options);
  }

  protected override async onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void> {
    try {
      await super.onWebSocketMessage(data, isBinary);
    } catch (error) {
      this.log.warn({ err: error }, 'malformed Socket Mode message dropped');
    }
  }
}

function checkEnvelope(type: string | undefined, body: unknown): Checked {
  if (type === 'slash_commands') return checkSlashCommand(body);
  if (type === 'interactive') return checkInteractivity(body);
  if (type !== 'events_api') return { ok: false, reason: `unknown envelope type ${JSON.stringify(type)}` };
  const checked = checkEventsBody(body);
  // URL verification and rate-limit notices are HTTP-only; there is nothing for Bolt in them.
  if (checked.ok && checked.body.type !== 'event_callback')
    return { ok: false, reason: `events_api envelope of type ${String(checked.body.type)}` };
  return checked;
}

/**
 * Bolt's receiver for Socket Mode, in place of its SocketModeReceiver: each envelope's payload is
 * checked (and its text cleaned) as an HTTP request's would be, before Bolt sees it. A malformed
 * one is logged and acked, so Slack does not redeliver it; one no listener acks is acked empty.
 */
export class SlackSocketReceiver implements Receiver {
  readonly client: SocketModeClient;
  private app?: App;

  constructor(private readonly options: SlackSocketReceiverOptions) {
    this.client = new GuardedSocketModeClient(
      {
        appToken: options.appToken,
        logger: options.logger,
        clientOptions: { slackApiUrl: options.slackApiUrl },
      },
      options.log,
    );
    this.client.on('slack_event', (event: SocketEvent) => {
      this.receive(event).catch((error: unknown) =>
        options.log.error({ err: error }, 'Socket Mode envelope failed'),
      );
    });
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<unknown> {
    return this.client.start();
  }

  stop(): Promise<void> {
    return this.client.disconnect();
  }

  private async receive(event: SocketEvent): Promise<void> {
    const { log } = this.options;
    const checked = checkEnvelope(event.type, event.body);
    if (!checked.ok) {
      log.warn(
        { envelopeId: event.envelope_id, reason: checked.reason },
        'malformed Socket Mode envelope acked and dropped',
      );
      return event.ack();
    }
    if (!this.app) throw new Error('the Socket Mode receiver was not initialised by an App');
    await dispatchToBolt(
      this.app,
      {
        body: checked.body,
        retryNum: event.retry_num,
        retryReason: event.retry_reason,
        send: (response) => event.ack(response),
        // Acked anyway: the error is logged, and a redelivery would fail the same way.
        fail: () => event.ack(),
      },
      log,
    );
  }
}
