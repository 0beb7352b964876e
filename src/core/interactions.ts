import { knownErrorReply } from '../views/error-reply.js';
import type { Actor, ChannelRef } from './actor.js';
import type { ActionInvocation, AnyCommand, Mode, ViewInvocation } from './command.js';
import { parseInteractionId } from './command.js';
import { newCorrelationId } from './correlation.js';
import { isBersError } from './errors.js';
import type { Reply } from './message.js';
import type { Services } from './services.js';

export interface ActionRequest {
  actionId: string;
  value: string;
  actor: Actor;
  channel: ChannelRef;
  message?: { channel: string; ts: string };
  triggerId?: string;
  mode: Mode;
  respond(reply: Reply): Promise<void>;
}

export interface ViewRequest {
  callbackId: string;
  actor: Actor;
  values: ViewInvocation['values'];
  privateMetadata: string;
}

/** Routes button clicks and modal submissions to the command that owns them, auditing each click. */
export class InteractionRouter {
  constructor(
    private readonly commands: readonly AnyCommand[],
    private readonly services: Services,
  ) {}

  async action(request: ActionRequest): Promise<Reply | undefined> {
    const id = parseInteractionId(request.actionId);
    const command = id && this.commandAt(id.command);
    const handler = id && command?.actions?.[id.name];
    if (!handler) {
      this.services.log.warn({ actionId: request.actionId }, 'no handler for action');
      return undefined;
    }
    const correlationId = newCorrelationId();
    const started = performance.now();
    let outcome = 'ok';
    try {
      const invocation: ActionInvocation = { ...request, correlationId, services: this.services };
      return await handler(invocation);
    } catch (error) {
      outcome = isBersError(error) ? error.code : 'error';
      if (isBersError(error)) return { ...knownErrorReply(error), replaceOriginal: false };
      this.services.log.error({ err: error, correlationId, actionId: request.actionId }, 'action failed');
      return {
        text: `:boom: Something went wrong on our side (reference \`${correlationId}\`).`,
        visibility: 'ephemeral',
        replaceOriginal: false,
      };
    } finally {
      await this.services.audit
        .record({
          kind: 'action',
          actor: request.actor,
          channel: request.channel,
          subject: request.actionId,
          text: request.value.slice(0, 500),
          outcome,
          durationMs: Math.round(performance.now() - started),
          correlationId,
        })
        .catch((error: unknown) => this.services.log.error({ err: error }, 'audit write failed'));
    }
  }

  async view(request: ViewRequest): Promise<Record<string, string> | undefined> {
    const id = parseInteractionId(request.callbackId);
    const handler = id && this.commandAt(id.command)?.views?.[id.name];
    if (!handler) {
      this.services.log.warn({ callbackId: request.callbackId }, 'no handler for view');
      return undefined;
    }
    return handler({ ...request, correlationId: newCorrelationId(), services: this.services });
  }

  /** `incident` or `incident.declare`: a command, or a subcommand by its dotted path. */
  private commandAt(path: string): AnyCommand | undefined {
    const [first, ...rest] = path.split('.');
    let command = this.commands.find((c) => c.name === first);
    for (const name of rest) command = command?.subcommands?.find((s) => s.name === name);
    return command;
  }
}
