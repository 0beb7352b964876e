import { randomUUID } from 'node:crypto';
import type { Actor } from '../core/actor.js';
import { UsageError } from '../core/errors.js';
import { declareSteps } from './declare-steps.js';
import { type IncidentDeps, TIMER_KINDS, timerKeys } from './incident-deps.js';
import type { Incident } from './model.js';

export interface DeclareInput {
  title: string;
  /** A configured severity name, any case (`p1`). */
  severity: string;
  services?: string[];
  impact?: string;
  /** Slack user id of the commander; by default the declarer, `null` for nobody yet. */
  commanderId?: string | null;
  /** Security incidents: a private channel and an announcement without detail. */
  isPrivate?: boolean;
  /**
   * Makes the declare idempotent: a second call with the same key returns the first incident
   * (Slack retries, double clicks, an alert's "Declare incident" pressed twice).
   */
  requestKey?: string;
  /** What it is declared from (e.g. `alert HighErrorRate (critical)`), carried by its pages. */
  origin?: string;
}

export interface DeclareResult {
  incident: Incident;
  /** False when the request key had already declared this incident. */
  created: boolean;
}

export const MAX_TITLE = 150;

export function validateDeclare(deps: IncidentDeps, input: DeclareInput) {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (!title) {
    throw new UsageError(
      'An incident needs a title: `/bers incident declare P1 checkout is failing`.',
      'incident declare',
    );
  }
  if (title.length > MAX_TITLE) {
    throw new UsageError(
      `The title is ${title.length} characters; keep it under ${MAX_TITLE}.`,
      'incident declare',
    );
  }
  const severity = deps.policies.parse(input.severity);
  const services = [...new Set(input.services ?? [])];
  const unknown = services.filter((s) => !deps.serviceNames.includes(s));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown service${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; configured: ${deps.serviceNames.join(', ')}.`,
      'incident declare',
    );
  }
  return { title, severity, services, impact: (input.impact ?? '').trim().slice(0, 1000) };
}

/** Store first (row, timeline, steps, timers in one transaction), then act (run the steps). */
export async function declareIncident(
  deps: IncidentDeps,
  input: DeclareInput,
  actor: Actor,
): Promise<DeclareResult> {
  const { title, severity, services, impact } = validateDeclare(deps, input);
  const requestKey = input.requestKey ?? `declare:${randomUUID()}`;
  const now = deps.clock.now();
  const policy = deps.policies.get(severity);
  const result = await deps.store.transaction(async (tx): Promise<DeclareResult> => {
    // Same-key declares wait for each other, so a retry finds the first row instead of taking a number.
    await deps.records.incidents.lockRequestKey(tx, requestKey);
    const existing = await deps.records.incidents.byRequestKey(tx, requestKey);
    if (existing) return { incident: existing, created: false };
    const incident = await deps.records.incidents.insert(tx, {
      requestKey,
      title,
      severity,
      impact,
      services,
      isPrivate: input.isPrivate ?? false,
      // Whoever declares leads, unless they named someone else, or nobody yet (`null`).
      commanderId: input.commanderId === null ? undefined : (input.commanderId ?? actor.id),
      declaredById: actor.id,
      declaredByName: actor.name,
      declaredAt: now,
      nextUpdateAt: deps.policies.nextUpdateAt(severity, now),
      origin: input.origin?.slice(0, 300),
    });
    if (!incident)
      return { incident: (await deps.records.incidents.byRequestKey(tx, requestKey))!, created: false };
    const n = incident.number;
    const paging = deps.policies.paging(severity, now);
    await deps.records.incidents.addTimeline(tx, incident.id, {
      at: now,
      kind: 'declared',
      actorId: actor.id,
      actorName: actor.name,
      text: `Declared ${severity}: ${title}`,
    });
    await deps.records.incidents.addTimeline(tx, incident.id, {
      at: now,
      kind: 'paging',
      text: `Paging decision: ${paging.reason}`,
    });
    const steps = declareSteps(incident, actor.id, paging, deps.owners, deps.render, {
      channels: deps.settings.channel.announceTo[severity] ?? [],
      main: deps.settings.announcementChannel,
    });
    await deps.records.steps.add(tx, incident.id, now, steps);
    if (paging.kind === 'if-unacknowledged' || paging.kind === 'at') {
      await deps.timers.schedule(
        timerKeys.page(n),
        TIMER_KINDS.page,
        paging.at,
        { number: n, onlyIfUnacknowledged: paging.kind === 'if-unacknowledged', reason: paging.reason },
        tx,
      );
    }
    if (incident.nextUpdateAt) {
      await deps.timers.schedule(
        timerKeys.updateDue(n, incident.nextUpdateAt),
        TIMER_KINDS.updateDue,
        incident.nextUpdateAt,
        { number: n, dueAt: incident.nextUpdateAt.toISOString() },
        tx,
      );
    }
    if (policy.requireCommander && !incident.commanderId) {
      const at = new Date(now.getTime() + deps.settings.commanderGraceMinutes * 60_000);
      await deps.timers.schedule(
        timerKeys.commanderCheck(n),
        TIMER_KINDS.commanderCheck,
        at,
        { number: n },
        tx,
      );
    }
    return { incident, created: true };
  });
  await deps.runner.run(result.incident.id);
  return {
    incident: (await deps.records.incidents.byId(deps.store, result.incident.id))!,
    created: result.created,
  };
}
