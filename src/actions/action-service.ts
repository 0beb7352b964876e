import type { ActionsConfig, EnvironmentActionsConfig } from '../config/actions-schema.js';
import type { Actor, ChannelRef } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { didYouMean } from '../core/did-you-mean.js';
import { ForbiddenError, NotFoundError, UsageError } from '../core/errors.js';
import type { AuditLog } from '../store/audit-log.js';
import type { ActionRepository } from './action-repository.js';
import type { ActionKind, ActionRequest } from './action-request.js';
import type { Executor, RevisionInfo } from './executor.js';
import type { ActionPolicy, PolicyTarget } from './permission-policy.js';

export interface ActionDeps {
  config: ActionsConfig;
  repo: ActionRepository;
  policy: ActionPolicy;
  audit: AuditLog;
  clock: Clock;
  executorFor(service: string, environment: string): Executor;
}

export interface Target {
  service: string;
  environment: string;
  settings: EnvironmentActionsConfig;
}

export interface Who {
  actor: Actor;
  channel: ChannelRef;
  correlationId: string;
}

/** Requests, permissions and history of restarts and rollbacks; execution is in ActionRunner. */
export class ActionService {
  constructor(private readonly deps: ActionDeps) {}

  /** The configured service/environment, or a NotFoundError listing the known ones. */
  target(service: string, environment?: string): Target {
    const services = this.deps.config.services;
    const known = Object.keys(services);
    const entry = services[service.toLowerCase()];
    if (!entry) {
      throw new NotFoundError(
        `\`${service.slice(0, 60)}\` has no restart or rollback configured.${didYouMean(service, known)} ` +
          `Services with actions: ${known.map((n) => `\`${n}\``).join(', ') || 'none (see `actions` in the config)'}.`,
      );
    }
    const envs = Object.keys(entry.environments);
    const name =
      environment?.toLowerCase() ??
      entry.defaultEnvironment ??
      (envs.length === 1 ? envs[0] : envs.includes('production') ? 'production' : undefined);
    if (!name) throw new UsageError(`Name the environment of ${service}: ${envs.join(', ')}.`);
    const settings = entry.environments[name];
    if (!settings) {
      throw new NotFoundError(
        `\`${service}\` has no environment \`${name.slice(0, 40)}\`. Known: ${envs.map((e) => `\`${e}\``).join(', ')}.`,
      );
    }
    return { service: service.toLowerCase(), environment: name, settings };
  }

  policyTarget(kind: ActionKind, t: Target): PolicyTarget {
    const production = t.settings.production ?? /^prod(uction)?$/.test(t.environment);
    return { kind, environment: t.environment, roles: t.settings[kind], production };
  }

  /** Refuses (and audits) anyone the service's policy does not allow. */
  async authorize(kind: ActionKind, t: Target, who: Who, step: string, requestId?: string): Promise<void> {
    const policy = this.policyTarget(kind, t);
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
      `You are not allowed to ${kind} ${t.service} in ${t.environment}: that needs one of the roles ` +
        `${roles.map((r) => `\`${r}\``).join(', ') || '(none configured)'}. The attempt was recorded.`,
    );
  }

  async request(kind: ActionKind, t: Target, who: Who, revision?: string): Promise<ActionRequest> {
    await this.authorize(kind, t, who, 'request');
    if (revision !== undefined && !new RegExp(t.settings.revisionFormat).test(revision)) {
      throw new UsageError(
        `\`${revision.slice(0, 40)}\` is not a revision of ${t.service} (format ${t.settings.revisionFormat}).`,
      );
    }
    const executor = this.deps.executorFor(t.service, t.environment);
    if (!executor.supports(kind, revision)) {
      throw new UsageError(
        revision !== undefined && executor.supports(kind)
          ? `${executor.describe(kind)} can only roll back to the previous version; leave out \`to ${revision}\`.`
          : `${t.service} (${t.environment}) has no ${kind} configured (${executor.describe(kind)}).`,
      );
    }
    const now = this.deps.clock.now();
    const request = await this.deps.repo.create({
      kind,
      service: t.service,
      environment: t.environment,
      executor: executor.describe(kind),
      revision,
      requestedBy: { id: who.actor.id, name: who.actor.name },
      channelId: who.channel.id,
      twoPerson: kind === 'rollback' && t.settings.twoPersonRollback,
      requestedAt: now,
      expiresAt: new Date(now.getTime() + this.deps.config.confirmSeconds * 1000),
      correlationId: who.correlationId,
    });
    await this.record(who, t, `${kind}.request`, 'requested', `${kind} ${t.service} (${t.environment})`, {
      requestId: request.id,
      executor: request.executor,
      revision,
      twoPerson: request.twoPerson,
    });
    return request;
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
}
