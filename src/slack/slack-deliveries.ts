import type { BlockAction, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import type { Logger } from 'pino';
import { fromSlackText } from '../core/command-text.js';
import type { InteractionRouter } from '../core/interactions.js';
import type { Reply } from '../core/message.js';
import type { CommandRouter } from '../core/router.js';
import type { SlackDelivery, ViewAck } from '../ingress/protocol.js';
import { respondTo } from './response-url.js';
import { flattenViewState } from './to-slack.js';
import { WorkQueue } from './work-queue.js';

/** Slack Events API handlers by event type (e.g. `reaction_added`), added by feature areas. */
export type SlackEventHandlers = Record<string, (event: Record<string, unknown>) => Promise<void>>;

export interface SlackDeliveriesOptions {
  router: CommandRouter;
  interactions: InteractionRouter;
  events: SlackEventHandlers;
  log: Logger;
  /** The user groups (from `permissions.roles`) a user is in; none when not given. */
  groupsOf?: (userId: string) => Promise<string[]>;
}

/** Commands and clicks worked on at once; more wait (already acked) for a free slot. */
const WORK_CONCURRENCY = 8;

/**
 * The main thread's side of Slack: payloads the ingress thread has already acked become command
 * and interaction invocations, and their replies go to the payload's `response_url`.
 */
export class SlackDeliveries {
  private readonly work = new WorkQueue(WORK_CONCURRENCY);
  private readonly groupsOf: (userId: string) => Promise<string[]>;

  constructor(private readonly options: SlackDeliveriesOptions) {
    this.groupsOf = options.groupsOf ?? (async () => []);
  }

  get eventTypes(): string[] {
    return Object.keys(this.options.events);
  }

  deliver(delivery: SlackDelivery): void {
    const job =
      delivery.kind === 'command'
        ? this.work.run(() => this.command(delivery.payload as unknown as SlashCommand))
        : delivery.kind === 'action'
          ? this.work.run(() => this.action(delivery.body as unknown as BlockAction))
          : this.event(delivery.type, delivery.event);
    job.catch((error: unknown) =>
      this.options.log.error({ err: error, kind: delivery.kind }, 'Slack delivery failed'),
    );
  }

  async view(body: Record<string, unknown>): Promise<ViewAck> {
    const { user, view } = body as unknown as ViewSubmitAction;
    const errors = await this.options.interactions.view({
      callbackId: view.callback_id,
      actor: { id: user.id, name: user.name },
      values: flattenViewState(view.state.values as Parameters<typeof flattenViewState>[0]),
      privateMetadata: view.private_metadata,
    });
    return errors ? { response_action: 'errors', errors } : undefined;
  }

  private async command(command: SlashCommand): Promise<void> {
    const respond = respondTo(command.response_url);
    const reply = await this.options.router.dispatch({
      // The manifest sets should_escape: mentions come as `<@U…|name>`, `&<>` as entities.
      text: fromSlackText(command.text ?? ''),
      actor: { id: command.user_id, name: command.user_name, groups: await this.groupsOf(command.user_id) },
      channel: { id: command.channel_id, name: command.channel_name },
      mode: 'slack',
      triggerId: command.trigger_id,
      respond,
    });
    await respond(reply);
  }

  private async action(body: BlockAction): Promise<void> {
    const action = body.actions?.[0];
    if (body.type !== 'block_actions' || action?.type !== 'button') return;
    const channel = body.channel ?? { id: 'unknown', name: 'unknown' };
    const respond = body.response_url ? respondTo(body.response_url) : this.noResponseUrl(action.action_id);
    const reply = await this.options.interactions.action({
      actionId: action.action_id,
      value: action.value ?? '',
      actor: {
        id: body.user.id,
        name: body.user.username ?? body.user.name ?? body.user.id,
        groups: await this.groupsOf(body.user.id),
      },
      channel: { id: channel.id ?? 'unknown', name: channel.name ?? channel.id ?? 'unknown' },
      message:
        body.message && body.channel?.id ? { channel: body.channel.id, ts: body.message.ts } : undefined,
      triggerId: body.trigger_id,
      mode: 'slack',
      respond,
    });
    if (reply) await respond(reply);
  }

  private async event(type: string, event: Record<string, unknown>): Promise<void> {
    await this.options.events[type]?.(event);
  }

  /** A click inside a modal has no `response_url`: there is no message to answer into. */
  private noResponseUrl(actionId: string): (reply: Reply) => Promise<void> {
    return async () => this.options.log.debug({ actionId }, 'click without response_url: reply dropped');
  }
}
