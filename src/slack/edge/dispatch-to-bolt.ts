import type { App } from '@slack/bolt';
import type { Logger } from 'pino';

/** One checked payload and how its transport answers it. */
export interface BoltDelivery {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
  /** Sends the ack (HTTP 200 with the body, or the Socket Mode envelope ack). */
  send(response?: unknown): Promise<void>;
  /** Answers a payload whose processing failed before anything acked it (HTTP 500). */
  fail(): Promise<void>;
}

/** Bolt wraps a listener's error in an UnknownError; the original has the useful stack. */
function unwrap(error: unknown): unknown {
  return (error as { original?: unknown })?.original ?? error;
}

/**
 * Runs a payload through Bolt's listeners and makes sure it is answered exactly once: by the
 * listener's ack, or — when no listener matched (an id outside `bers:`, a shortcut, a closed
 * modal) — with an empty ack as soon as Bolt is done, rather than after Bolt's 3-second
 * "not acknowledged" timer. An error is logged here, once, and answered with `fail`.
 */
export async function dispatchToBolt(app: App, delivery: BoltDelivery, log: Logger): Promise<void> {
  const { body, retryNum, retryReason } = delivery;
  // Bolt acks an Events API callback before any listener runs; its ack is held until they are done,
  // so an event is acked only once its listener kept it (the inbox), and one that could not be
  // kept is answered 500, which Slack retries.
  const holdAck = body.type === 'event_callback';
  let acked = false;
  let held: { response?: unknown } | undefined;
  const ack = async (response?: unknown) => {
    if (acked) return log.warn('a Slack payload was acked twice; the second ack is ignored');
    acked = true;
    if (holdAck) held = { response };
    else await delivery.send(response);
  };
  try {
    await app.processEvent({ body, ack, retryNum, retryReason });
  } catch (error) {
    log.error({ err: unwrap(error), type: body.type }, 'a Slack payload failed');
    if (!acked || held) {
      acked = true;
      await delivery.fail();
    }
    return;
  }
  if (held) await delivery.send(held.response);
  else if (!acked) {
    log.info({ type: body.type ?? body.command }, 'no listener acked this Slack payload; acked empty');
    await ack();
  }
}
