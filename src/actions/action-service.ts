import type { ActionsConfig } from '../config/actions-schema.js';
import type { Actor, ChannelRef } from '../core/actor.js';
import type { AuditSink } from '../core/audit.js';
import type { Clock } from '../core/clock.js';
import { ForbiddenError, NotFoundError, UsageError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { ActionRepository } from './action-repository.js';
import type { ActionKind, ActionRequest } from './action-request.js';
import type { Executor, RevisionInfo } from './executor.js';
import { type ArgValues, type Operation, operationPhrase } from './operation.js';
import { checkArgs, parseArgs } from './operation-args.js';
import type { OperationCatalog, Target } from './operation-catalog.js';
import type { ActionPolicy } from './permission-policy.js';

export interface ActionDeps {
  config: ActionsConfig;
  repo: ActionRepository;
  policy: ActionPolicy;
  audit: AuditSink;
  clock: Clock;
  catalog: OperationCatalog;
  executorFor(service: string, environment: string): Executor;
  /** Masks credentials a described action would show (a token in an argv or URL). */
  mask?: (text: string) => string;
  /** True while a maintenance window covers the service (no second person needed in it). */
  inMaintenance?: (service: string) => Promise<boolean>;
  /** Tells the incident an operation runs for (card thread, timeline); see RunnerDeps.alsoTell. */
  alsoTell?: IncidentTeller;
}

/** Where an operation run for an incident is also told: the incident's card thread and timeline. */
export type IncidentTeller = (request: ActionRequest, message: Message) => Promise<void>;

export type { Target };

export interface Who {
  actor: Actor;
  channel: ChannelRef;
  correlationId: string;
  /** The incident this is done for (`--incident N`, or typed in its channel). */
  incident?: number;
}

/** Requests, permissions and history of operations (restart, rollback, named ones); execution is in ActionRunner. */
export class ActionService {
  constructor(private readonly deps: ActionDeps) {}

  /** The configured service/environment, or a NotFoundError listing the known ones. */
  target(service: string, environment?: string): Target {
    return this.deps.catalog.target(service, environment);
  }

  operations(t: Target): Operation[] {
    return this.deps.catalog.operations(t);
  }

  operation(t: Target, name: string): Operation {
    return this.deps.catalog.operation(t, name);
  }

  /** Refuses (and audits) anyone the service's policy does not allow. */
  async authorize(kind: ActionKind, t: Target, who: Who, step: string, requestId?: string): Promise<void> {
    const policy = this.deps.catalog.policyTarget(kind, t);
    if (await this.deps.policy.allowed(who.actor, policy)) return;
    const roles = this.deps.policy.rolesFor(policy);
    await this.record(
      who,
      t,
      `${kind}.${step}`,
      'denied',
      `${who.actor.name} was refused: ${kind} ${t.service} (${t.environment})`,
      requestId ? { requestId } : {},
    );
    throw new ForbiddenError(
      `You are not allowed to ${operationPhrase(kind, t.service)} in ${t.environment}: that needs one of the roles ` +
        `${roles.map((r) => `\`${r}\``).join(', ') || '(none configured)'}. The attempt was recorded.`,
    );
  }

  /**
   * A request to run `kind` with validated `args`, awaiting its confirmation; one that needs none
   * (`confirm: false`) comes back already confirmed by its requester, ready to execute.
   */
  async request(kind: ActionKind, t: Target, who: Who, args: ArgValues = {}): Promise<ActionRequest> {
    this.deps.catalog.requireKnown(t, kind);
    await this.authorize(kind, t, who, 'request');
    return this.create(this.deps.catalog.operation(t, kind), t, who, args);
  }

  /** Like `request`, with the arguments as typed (`/bers run`): checked only once the person may run it. */
  async requestTyped(
    kind: ActionKind,
    t: Target,
    who: Who,
    tokens: readonly string[],
  ): Promise<ActionRequest> {
    this.deps.catalog.requireKnown(t, kind);
    await this.authorize(kind, t, who, 'request');
    const op = this.deps.catalog.operation(t, kind);
    return this.create(op, t, who, parseArgs(kind, op.args, tokens));
  }

  async cancel(id: string, who: Who): Promise<ActionRequest> {
    const existing = await this.load(id);
    const t = this.target(existing.service, existing.environment);
    if (existing.requestedBy.id !== who.actor.id) await this.authorize(existing.kind, t, who, 'cancel', id);
    const cancelled = await this.deps.repo.transition(id, 'cancelled', this.deps.clock.now());
    if (!cancelled) throw new UsageError(`This ${existing.kind} is already ${(await this.load(id)).state}.`);
    await this.record(
      who,
      t,
      `${existing.kind}.cancel`,
      'cancelled',
      `cancelled ${existing.kind} ${t.service}`,
      { requestId: id },
    );
    return cancelled;
  }

  async load(id: string): Promise<ActionRequest> {
    const request = await this.deps.repo.get(id);
    if (!request) throw new NotFoundError('That request no longer exists.');
    return request;
  }

  async history(t: Target): Promise<{ revisions?: RevisionInfo[]; recent: ActionRequest[] }> {
    const executor = this.deps.executorFor(t.service, t.environment);
    const revisions = executor.history ? await executor.history(AbortSignal.timeout(15_000)) : undefined;
    return { revisions, recent: await this.deps.repo.recent(t.service, 10) };
  }

  /** One detailed audit row (kind `operation`, with the service set). */
  record(
    who: Who,
    t: { service: string; environment: string },
    subject: string,
    outcome: string,
    text: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    return this.deps.audit.record({
      kind: 'operation',
      actor: who.actor,
      channel: who.channel,
      subject,
      text,
      outcome,
      correlationId: who.correlationId,
      service: t.service,
      details: { environment: t.environment, ...details },
    });
  }

  private async create(op: Operation, t: Target, who: Who, args: ArgValues): Promise<ActionRequest> {
    const kind = op.name;
    const revision = kind === 'rollback' ? args.revision : undefined;
    if (revision !== undefined && !new RegExp(t.settings.revisionFormat).test(revision)) {
      throw new UsageError(
        `\`${revision.slice(0, 40)}\` is not a revision of ${t.service} (format ${t.settings.revisionFormat}).`,
      );
    }
    if (op.builtIn) this.requireSupported(kind, t, revision);
    checkArgs(kind, op.args, args);
    // Inside a maintenance window the work is planned and announced: one person may confirm it.
    const lifted = op.twoPerson && ((await this.deps.inMaintenance?.(t.service)) ?? false);
    const now = this.deps.clock.now();
    const request = await this.deps.repo.create({
      kind,
      service: t.service,
      environment: t.environment,
      executor: (this.deps.mask ?? String)(op.describe(args)),
      revision,
      args,
      requestedBy: { id: who.actor.id, name: who.actor.name },
      channelId: who.channel.id,
      twoPerson: op.twoPerson && !lifted,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + this.deps.config.confirmSeconds * 1000),
      correlationId: who.correlationId,
      incidentNumber: who.incident,
    });
    await this.record(who, t, `${kind}.request`, 'requested', `${kind} ${t.service} (${t.environment})`, {
      requestId: request.id,
      executor: request.executor,
      revision,
      twoPerson: request.twoPerson,
      ...(lifted && { twoPersonLifted: 'maintenance window' }),
      ...(Object.keys(args).length > 0 && { args }),
    });
    if (request.incidentNumber !== undefined && op.confirm) {
      const two = request.twoPerson ? ' (two-person rule: someone else must confirm)' : '';
      const text = `🔧 ${who.actor.name} asked to ${operationPhrase(kind, t.service)} (${t.environment}) for incident #${request.incidentNumber}; it runs once confirmed${two}.`;
      await this.deps.alsoTell?.(request, { text });
    }
    return op.confirm ? request : this.confirmUnasked(request, t, who);
  }

  /** The messages restart and rollback always gave when their executor cannot do what was asked. */
  private requireSupported(kind: ActionKind, t: Target, revision: string | undefined): void {
    const executor = this.deps.executorFor(t.service, t.environment);
    const builtIn = kind as 'restart' | 'rollback' | 'scale';
    if (builtIn === 'scale' ? executor.scale : executor.supports(builtIn, revision)) return;
    throw new UsageError(
      revision !== undefined && executor.supports('rollback')
        ? `${executor.describe('rollback')} can only roll back to the previous version; leave out \`to ${revision}\`.`
        : `${t.service} (${t.environment}) has no ${kind} configured (${executor.describe(builtIn)}).`,
    );
  }

  /** `confirm: false`: the requester's own confirmation, through the same exactly-once UPDATE. */
  private async confirmUnasked(request: ActionRequest, t: Target, who: Who): Promise<ActionRequest> {
    const confirmed = await this.deps.repo.confirm(request.id, who.actor, this.deps.clock.now());
    if (!confirmed) throw new UsageError(`This ${request.kind} could not start (it is ${request.state}).`);
    await this.record(who, t, `${request.kind}.confirm`, 'confirmed', 'runs without confirmation', {
      requestId: request.id,
    });
    // Nothing was asked or confirmed: the incident is told who started it before its result comes.
    if (confirmed.incidentNumber !== undefined) {
      const what = `${operationPhrase(request.kind, t.service)} (${t.environment})`;
      const text = `▶️ ${who.actor.name} started: ${what} for incident #${confirmed.incidentNumber}; it needs no confirmation.`;
      await this.deps.alsoTell?.(confirmed, { text });
    }
    return confirmed;
  }
}
