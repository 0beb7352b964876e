import type { Actor } from './actor.js';
import { handlerActionId } from './command.js';
import { NotFoundError, UsageError } from './errors.js';
import type { InteractionRequest } from './interaction.js';
import type { Reply } from './message.js';
import type { Permission } from './permissions.js';
import { clip, type HandlerRegistry, MAX_TEXT_LENGTH } from './registry.js';
import type { Services } from './services.js';
import { describeZodIssues } from './zod-issues.js';

/** What every handler run gets from the pipeline: the resolved actor, the id, the services. */
export interface RunContext {
  actor: Actor;
  requestId: string;
  services: Services;
}

/** A request matched to its handler: what the pipeline checks, audits and runs. */
export interface Route {
  /** What the audit row names: `incident declare`, `bers:incident:acknowledge`, `reaction_added`. */
  subject: string;
  permission: Permission;
  /** Ends "You are not allowed to …" when the actor lacks the permission. */
  what: string;
  run(ctx: RunContext): Promise<Reply | undefined>;
}

/** An id no handler answers to (a button from an older version, a forged payload). */
export class NoHandlerError extends NotFoundError {}

/** The audit subject before routing (and when routing fails). */
export function subjectOf(request: InteractionRequest): string {
  switch (request.kind) {
    case 'command':
      return '(none)';
    case 'action':
      return handlerActionId(request.actionId);
    case 'view':
      return request.callbackId;
    case 'event':
      return request.type;
  }
}

/** The audit row's text: what was typed, the button's value, the submitted fields. */
export function auditTextOf(request: InteractionRequest): string {
  switch (request.kind) {
    case 'command':
      return request.text.trim().slice(0, MAX_TEXT_LENGTH);
    case 'action':
      return request.value.slice(0, 500);
    case 'view':
      return JSON.stringify({ metadata: request.privateMetadata, values: request.values }).slice(0, 1000);
    case 'event':
      return JSON.stringify(request.event).slice(0, 500);
  }
}

/**
 * The route of a request; `undefined` for an event its handler does not act on (a reaction other
 * than the one it listens for), which is not an interaction. Throws a usage or not-found error
 * when nothing answers to it.
 */
export function routeOf(request: InteractionRequest, registry: HandlerRegistry): Route | undefined {
  switch (request.kind) {
    case 'command':
      return commandRoute(request, registry);
    case 'action': {
      const handler = registry.action(handlerActionId(request.actionId));
      if (!handler)
        throw new NoHandlerError('That button is no longer handled by bers-bot; run the command again.');
      return {
        subject: handlerActionId(request.actionId),
        permission: handler.permission,
        what: 'use this button',
        run: (ctx) => handler.run({ ...request, ...ctx }),
      };
    }
    case 'view': {
      const handler = registry.view(request.callbackId);
      if (!handler) throw new NoHandlerError('That form is no longer handled by bers-bot; open it again.');
      return {
        subject: request.callbackId,
        permission: handler.permission,
        what: 'submit this form',
        async run(ctx) {
          // Validated before the ack already; again here, because this is what runs (and is pure).
          const checked = handler.validate(request, ctx.services.config);
          if (!checked.ok) throw new UsageError(Object.values(checked.errors).join('\n'));
          return handler.run(checked.input, { ...request, ...ctx });
        },
      };
    }
    case 'event': {
      const handler = registry.event(request.type);
      if (!handler) throw new NoHandlerError(`No handler for ${clip(request.type)} events.`);
      if (!handler.accepts(request.event)) return undefined;
      return {
        subject: request.type,
        permission: handler.permission,
        what: 'do that',
        run: async (ctx) => {
          await handler.run({ ...request, ...ctx });
          return undefined;
        },
      };
    }
  }
}

function commandRoute(request: InteractionRequest & { kind: 'command' }, registry: HandlerRegistry): Route {
  const { command, path, tokens } = registry.resolveCommand(request.text.trim());
  return {
    subject: path.join(' '),
    permission: command.permission,
    what: `run \`/bers ${path.join(' ')}\``,
    async run(ctx) {
      const parsed = command.args.safeParse(tokens);
      if (!parsed.success) throw new UsageError(describeZodIssues(parsed.error.issues), path.join(' '));
      return command.run(parsed.data, {
        ...ctx,
        channel: request.channel,
        text: request.text,
        mode: request.mode,
        triggerId: request.triggerId,
        respond: request.respond,
      });
    },
  };
}
