import type { Logger } from 'pino';
import type { Chat } from '../core/chat.js';
import type { Outcome } from '../core/outcome.js';
import type { Pipeline } from '../core/pipeline.js';
import type { KeptRequest, SlackDelivery } from '../inbox/kept-request.js';
import { interactionOf, viewOf } from './slack-interactions.js';
import type { ViewAck } from './view-ack.js';
import { WorkQueue } from './work-queue.js';

export interface SlackDeliveriesOptions {
  pipeline: Pipeline;
  /** Where answers without a `response_url` go (closed modals, events). */
  chat: Chat;
  log: Logger;
}

/** Commands, clicks, submissions and events worked on at once; more wait (already acked) for a slot. */
const WORK_CONCURRENCY = 8;

/**
 * The main thread's side of Slack: payloads the ingress thread has already acked become pipeline
 * requests, worked at a bounded concurrency. A modal submission is validated before its ack
 * (`view`) and comes back as a `view` delivery once the modal is closed.
 */
export class SlackDeliveries {
  private readonly queue = new WorkQueue(WORK_CONCURRENCY);

  constructor(private readonly options: SlackDeliveriesOptions) {}

  get eventTypes(): string[] {
    return this.options.pipeline.registry.eventTypes;
  }

  /**
   * Works one kept request (the inbox's port) and resolves with its outcome; never rejects. The
   * request's id is the interaction's correlation id, so its audit row names the inbox entry.
   */
  work(request: KeptRequest): Promise<Outcome> {
    return this.deliver(request.delivery, request.id);
  }

  /** A request found after a crash too late to answer through its response_url: say so to its user. */
  async expired(request: KeptRequest, reason: 'too-late' | 'keeps-failing'): Promise<void> {
    const who = requesterOf(request);
    if (!who) return;
    const when = new Date(request.receivedAt).toISOString().slice(11, 16);
    const why =
      reason === 'too-late'
        ? 'bers-bot restarted before it could answer, and too long ago to answer it now'
        : 'working on it failed several times';
    await this.options.chat.postToUser(who.user, {
      text: `:warning: Your ${who.what} at ${when} UTC was not run: ${why}. Nothing of it was done unless a message says so; run it again if it is still needed.`,
    });
  }

  private deliver(delivery: SlackDelivery, requestId?: string): Promise<Outcome> {
    const request = interactionOf(delivery, this.options.chat);
    if (!request) {
      this.options.log.warn({ kind: delivery.kind }, 'Slack payload without the parts it needs; ignored');
      return Promise.resolve('usage');
    }
    return this.queue.run(() => this.options.pipeline.handle(request, requestId));
  }

  /** Validates a modal submission for its ack: errors by block id keep it open; nothing closes it. */
  async view(body: Record<string, unknown>): Promise<ViewAck> {
    const request = viewOf(body, this.options.chat);
    const errors = request && this.options.pipeline.validateView(request);
    return errors ? { response_action: 'errors', errors } : undefined;
  }
}

/** Who sent a request and what it was, in words for a message to them. */
function requesterOf(request: KeptRequest): { user: string; what: string } | undefined {
  const { delivery } = request;
  const user = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  if (delivery.kind === 'command') {
    const { user_id, text } = delivery.payload as { user_id?: unknown; text?: unknown };
    const id = user(user_id);
    return id ? { user: id, what: `command \`/bers ${String(text ?? '').slice(0, 80)}\`` } : undefined;
  }
  if (delivery.kind === 'action' || delivery.kind === 'view') {
    const id = user((delivery.body as { user?: { id?: unknown } }).user?.id);
    return id
      ? { user: id, what: delivery.kind === 'action' ? 'button click' : 'form submission' }
      : undefined;
  }
  return undefined;
}
