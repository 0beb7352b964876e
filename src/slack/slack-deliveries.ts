import type { Logger } from 'pino';
import type { Chat } from '../core/chat.js';
import type { Outcome } from '../core/outcome.js';
import type { Pipeline } from '../core/pipeline.js';
import type { SlackDelivery, ViewAck } from '../ingress/protocol.js';
import { interactionOf, viewOf } from './slack-interactions.js';
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
  private readonly work = new WorkQueue(WORK_CONCURRENCY);

  constructor(private readonly options: SlackDeliveriesOptions) {}

  get eventTypes(): string[] {
    return this.options.pipeline.registry.eventTypes;
  }

  /**
   * Works one acked payload and resolves with its outcome; never rejects. `requestId` (a durable
   * inbox's entry id) is the interaction's correlation id.
   */
  deliver(delivery: SlackDelivery, requestId?: string): Promise<Outcome> {
    const request = interactionOf(delivery, this.options.chat);
    if (!request) {
      this.options.log.warn({ kind: delivery.kind }, 'Slack payload without the parts it needs; ignored');
      return Promise.resolve('usage');
    }
    return this.work.run(() => this.options.pipeline.handle(request, requestId));
  }

  /** Validates a modal submission for its ack: errors by block id keep it open; nothing closes it. */
  async view(body: Record<string, unknown>): Promise<ViewAck> {
    const request = viewOf(body, this.options.chat);
    const errors = request && this.options.pipeline.validateView(request);
    return errors ? { response_action: 'errors', errors } : undefined;
  }
}
