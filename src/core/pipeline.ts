import type { Actor } from './actor.js';
import { newCorrelationId } from './correlation.js';
import { type ErrorReplies, errorReply } from './error-reply.js';
import { UsageError } from './errors.js';
import type { InteractionRequest } from './interaction.js';
import type { Reply } from './message.js';
import { type Outcome, outcomeOf } from './outcome.js';
import type { HandlerRegistry } from './registry.js';
import { type GroupLookup, resolveActor } from './resolve-actor.js';
import { auditTextOf, routeOf, subjectOf } from './routes.js';
import type { Services } from './services.js';

export interface PipelineOptions {
  registry: HandlerRegistry;
  services: Services;
  /** Slack user groups of a user, for roles granted to groups; the console has none. */
  groupsOf?: GroupLookup;
  /** How errors are rendered (views/error-reply.ts), so core stays free of Block Kit. */
  errorReplies: ErrorReplies;
}

type ViewRequest = InteractionRequest & { kind: 'view' };

/**
 * The one way in for commands, clicks, modal submissions and events, from Slack and the console:
 * route to the handler, resolve the actor, check the permission the handler declares, run it, turn
 * errors into replies, answer, and write exactly one audit row. Handlers never check permissions
 * themselves, so none can forget to.
 */
export class Pipeline {
  constructor(private readonly options: PipelineOptions) {}

  get registry(): HandlerRegistry {
    return this.options.registry;
  }

  /**
   * Works one interaction to its end and resolves with its outcome; never rejects. `requestId`
   * (a durable inbox's entry id) becomes the correlation id; without one a fresh id is made.
   */
  async handle(request: InteractionRequest, requestId: string = newCorrelationId()): Promise<Outcome> {
    const { services } = this.options;
    const started = performance.now();
    const text = auditTextOf(request);
    let subject = subjectOf(request);
    let actor = request.actor;
    let outcome: Outcome = 'ok';
    let reply: Reply | undefined;
    try {
      const route = routeOf(request, this.registry);
      if (!route) return 'ok';
      subject = route.subject;
      actor = await resolveActor(request.actor, this.options.groupsOf, services.log);
      services.permissions.require(actor, route.permission, route.what);
      reply = await route.run({ actor, requestId, services });
    } catch (error) {
      outcome = outcomeOf(error);
      if (error instanceof UsageError && error.usageOf && request.kind === 'command') subject = error.usageOf;
      reply = errorReply(
        error,
        { kind: request.kind, subject, requestId, text },
        this.registry,
        services.log,
        this.options.errorReplies,
      );
    }
    const durationMs = performance.now() - started;
    if (request.kind === 'command') {
      services.metrics.observeCommand(subject.split(' ')[0] ?? subject, outcome, durationMs / 1000);
    }
    // Recorded before the answer goes out: whoever reads the answer finds the row.
    await this.audit(request, { actor, subject, text, outcome, durationMs, requestId });
    if (reply) await this.send(request, reply, requestId);
    return outcome;
  }

  /**
   * A modal submission's check inside Slack's 3-second ack: field errors keep the modal open,
   * otherwise it closes and the submission comes back through `handle`. Only the handler's pure
   * `validate` runs here; the permission check, the work and their audit row follow the ack, in
   * `handle`, like every other interaction. A rejected submission is audited as `usage`, after
   * the answer (the ack does not wait for the store).
   */
  validateView(request: ViewRequest): Record<string, string> | undefined {
    const handler = this.registry.view(request.callbackId);
    if (!handler) return undefined;
    const { services } = this.options;
    let errors: Record<string, string> | undefined;
    try {
      const checked = handler.validate(request, services.config);
      if (!checked.ok) errors = checked.errors;
    } catch (error) {
      // Closed; `handle` meets the same error when it validates again, and answers it there.
      services.log.warn({ err: error, callbackId: request.callbackId }, 'modal validation failed');
    }
    if (errors) {
      const entry = { actor: request.actor, subject: request.callbackId, text: auditTextOf(request) };
      void this.audit(request, { ...entry, outcome: 'usage', durationMs: 0, requestId: newCorrelationId() });
    }
    return errors;
  }

  private async audit(
    request: InteractionRequest,
    row: {
      actor: Actor;
      subject: string;
      text: string;
      outcome: Outcome;
      durationMs: number;
      requestId: string;
    },
  ): Promise<void> {
    const { audit, log } = this.options.services;
    await audit
      .record({
        kind: request.kind,
        actor: row.actor,
        channel: request.channel,
        subject: row.subject,
        text: row.text,
        outcome: row.outcome,
        durationMs: Math.round(row.durationMs),
        correlationId: row.requestId,
      })
      .catch((error: unknown) =>
        log.error({ err: error, correlationId: row.requestId }, 'audit write failed'),
      );
  }

  private async send(request: InteractionRequest, reply: Reply, requestId: string): Promise<void> {
    await request
      .respond(reply)
      .catch((error: unknown) =>
        this.options.services.log.warn(
          { err: error, correlationId: requestId, kind: request.kind },
          'could not deliver the reply',
        ),
      );
  }
}
