import { z } from 'zod';
import type { Actor } from '../../../src/core/actor.js';
import type { AuditEntry } from '../../../src/core/audit.js';
import type { AnyCommand, EventHandler, ViewHandler } from '../../../src/core/command.js';
import { ConflictError } from '../../../src/core/errors.js';
import type { InteractionRequest } from '../../../src/core/interaction.js';
import type { Reply } from '../../../src/core/message.js';
import { Permissions } from '../../../src/core/permissions.js';
import { Pipeline } from '../../../src/core/pipeline.js';
import { HandlerRegistry } from '../../../src/core/registry.js';
import type { GroupLookup } from '../../../src/core/resolve-actor.js';
import type { Services } from '../../../src/core/services.js';
import { BotMetrics } from '../../../src/observability/metrics.js';
import { errorReplies } from '../../../src/views/error-reply.js';
import { configFrom, MINIMAL_CONFIG } from '../../helpers/config.js';
import { captureLogs } from '../../helpers/logs.js';

export const IC: Actor = { id: 'U_IC', name: 'ic' };
export const EVE: Actor = { id: 'U_EVE', name: 'eve' };

/** `ic` holds every permission; anyone else none. */
const config = configFrom(`${MINIMAL_CONFIG}
permissions:
  roles: { ic: { users: [U_IC], groups: [S_IC] } }
  grants: { read: [ic], incident: [ic], alerts: [ic], operate: [ic], admin: [ic] }
`);

/**
 * A pipeline over the given handlers with the services it touches itself: permissions from the
 * config above, metrics, a log to read, and an audit log kept in memory (the store's own tests
 * cover the real one).
 */
export function pipelineWith(
  commands: AnyCommand[],
  events: Record<string, EventHandler> = {},
  options: { groupsOf?: GroupLookup; auditFails?: boolean } = {},
) {
  const audit: AuditEntry[] = [];
  const logs = captureLogs();
  const services = {
    config,
    log: logs.log,
    permissions: new Permissions(config.permissions),
    metrics: new BotMetrics({ defaultMetrics: false }),
    audit: {
      record: async (entry: AuditEntry) => {
        if (options.auditFails) throw new Error('store is down');
        audit.push(entry);
      },
    },
  } as unknown as Services;
  const pipeline = new Pipeline({
    registry: new HandlerRegistry(commands, events),
    services,
    errorReplies,
    groupsOf: options.groupsOf,
  });
  return { pipeline, audit, logs, services };
}

type Origin = 'actor' | 'channel' | 'mode' | 'respond';
type Request<K extends InteractionRequest['kind']> = Extract<InteractionRequest, { kind: K }>;

/** A request of `kind` from `actor` whose replies are collected in `replies`. */
export function request<K extends InteractionRequest['kind']>(
  actor: Actor,
  replies: Reply[],
  fields: Omit<Request<K>, Origin> & { kind: K },
): Request<K> {
  const origin = {
    actor,
    channel: { id: 'C1', name: 'ops' },
    mode: 'slack' as const,
    respond: async (reply: Reply) => {
      replies.push(reply);
    },
  };
  // The generic kind keeps TypeScript from seeing that the origin completes the request.
  return { ...origin, ...fields } as unknown as Request<K>;
}

/** A command that records what it ran with; `fail` throws instead. */
export function recordingCommand(name: string, permission: AnyCommand['permission'], fail?: Error) {
  const runs: { args: string[]; requestId: string; groups?: string[] }[] = [];
  const command: AnyCommand = {
    name,
    summary: `${name} (test)`,
    usage: [`${name} <word>`],
    permission,
    args: z.array(z.string()).max(2, 'at most two words'),
    async run(args: string[], ctx) {
      if (fail) throw fail;
      runs.push({ args, requestId: ctx.requestId, groups: ctx.actor.groups });
      return { text: `${name} ran`, visibility: 'in_channel' };
    },
  };
  return { command, runs };
}

/** A command with a modal (`bers:thing:form`) that needs a title; `clash` is a conflict. */
export function formOwner() {
  const worked: string[] = [];
  const form: ViewHandler<{ title: string }> = {
    permission: 'incident',
    validate: ({ values }) =>
      typeof values.title === 'string' && values.title.trim()
        ? { ok: true, input: { title: values.title.trim() } }
        : { ok: false, errors: { title: 'Give it a title.' } },
    async run({ title }, inv) {
      if (title === 'clash') throw new ConflictError('someone was faster');
      worked.push(`${inv.actor.id} ${title} ${inv.requestId}`);
      return undefined;
    },
  };
  const command: AnyCommand = { ...recordingCommand('thing', 'read').command, views: { form } };
  return { command, worked };
}
