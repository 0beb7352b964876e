import type { Logger } from 'pino';
import type { VerifyConfig } from '../config/verify-schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import { ConflictError, UsageError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { md, userMention } from '../core/mrkdwn.js';
import type { HealthService } from '../health/health-service.js';
import type { ActionRepository } from './action-repository.js';
import type { ActionRequest } from './action-request.js';
import type { ActionService, IncidentTeller, Who } from './action-service.js';
import type { ExecutionResult } from './executor.js';
import { commandLine, operationPhrase } from './operation.js';
import type { VerifyResult } from './verification.js';
import { recordVerification, verificationDetails } from './verification-record.js';
import {
  type Verification,
  type VerifyDefaults,
  type VerifyDeps,
  verifyOperation,
} from './verify-operation.js';

/** How often a running action says its process is alive. */
const HEARTBEAT_MS = 15_000;
/** How long a confirmed or running action may go without a heartbeat before it counts as abandoned. */
export const ABANDONED_AFTER_MS = 2 * 60_000;

/**
 * How the runner's channel messages look: the outcome of a run, an interrupted run, a verification.
 * views/actions-view.ts implements it; src/wiring/action-ports.ts hands it to build-actions.ts.
 */
export interface ActionMessages {
  execution(request: ActionRequest, result: ExecutionResult, seconds: number): Message;
  interrupted(request: ActionRequest): Message;
  verification(
    request: ActionRequest,
    result: VerifyResult & { kind?: Verification['kind']; metric?: string },
    offerRollback: boolean,
  ): Message;
}

export interface RunnerDeps {
  actions: ActionService;
  messages: ActionMessages;
  repo: ActionRepository;
  chat: Chat;
  health: HealthService;
  clock: Clock;
  log: Logger;
  kpis?: VerifyDeps['kpis'];
  verify: VerifyDefaults;
  sleep?: (ms: number) => Promise<void>;
  /** Masks credentials in executor output (the logger's masker). */
  mask?: (text: string) => string;
  /**
   * Where else a confirmation and a result go: a restart run for an incident (`--incident N`, or
   * typed in its channel) is told in the thread of its card and in its timeline (wired in
   * src/build-services.ts; a no-op for an action run for no incident). It never throws.
   */
  alsoTell?: IncidentTeller;
}

/**
 * Confirmation → execution → verification. The store's conditional UPDATE decides which click (of
 * double clicks, Slack retries, several replicas) executes; every other one is told who did.
 */
export class ActionRunner {
  constructor(private readonly deps: RunnerDeps) {}

  /** Claims the request; returns it to the one caller that won, throws a friendly error otherwise. */
  async confirm(id: string, who: Who): Promise<ActionRequest> {
    const { actions, repo, clock } = this.deps;
    const existing = await actions.load(id);
    const t = actions.target(existing.service, existing.environment);
    await actions.authorize(existing.kind, t, who, 'confirm', id);
    const won = await repo.confirm(id, who.actor, clock.now());
    if (won) {
      const details = { requestId: id, requestedBy: won.requestedBy.id };
      await actions.record(
        who,
        t,
        `${won.kind}.confirm`,
        'confirmed',
        `confirmed ${won.kind} ${won.service}`,
        details,
      );
      if (won.incidentNumber !== undefined && this.deps.alsoTell) {
        const what = `${operationPhrase(won.kind, won.service)} (${won.environment})`;
        await this.deps.alsoTell(won, { text: `▶️ ${who.actor.name} confirmed: ${what}. Running it now.` });
      }
      return won;
    }
    const now = await actions.load(id);
    if (now.state === 'requested' && now.expiresAt <= clock.now()) {
      await repo.transition(id, 'expired', clock.now());
      throw new ConflictError(
        `This ${now.kind} request expired; run \`${commandLine(now.kind, now.service)}\` again.`,
      );
    }
    if (now.state === 'requested' && now.twoPerson && now.requestedBy.id === who.actor.id) {
      await actions.record(
        who,
        t,
        `${now.kind}.confirm`,
        'denied',
        `requester tried to confirm a two-person ${now.kind}`,
        { requestId: id },
      );
      throw new UsageError(
        `Two-person rule: someone else with ${now.kind} rights must confirm this ${now.kind}.`,
      );
    }
    // A mention, as every other "by" the bot writes: Slack shows the person's current name.
    const by = now.confirmedBy ? md` by ${userMention(now.confirmedBy.id)}` : '';
    throw new ConflictError(md`This ${now.kind} is already ${now.state}${by}; it runs once.`);
  }

  /** Runs a confirmed request; never throws (failures are reported in the channel and audited). */
  async execute(request: ActionRequest, who: Who): Promise<void> {
    const { repo, clock, log } = this.deps;
    const running = await repo.transition(request.id, 'running', clock.now());
    if (!running) return;
    const started = clock.now().getTime();
    // While this process lives, its heartbeat keeps other replicas from calling the run abandoned.
    const heartbeat = setInterval(() => {
      repo
        .heartbeat(request.id, clock.now())
        .catch((error: unknown) =>
          log.warn({ err: error, requestId: request.id }, 'action heartbeat failed'),
        );
    }, HEARTBEAT_MS);
    heartbeat.unref();
    let result: ExecutionResult;
    let verify: VerifyConfig = { kind: 'health' };
    try {
      const { actions } = this.deps;
      const operation = actions.operation(actions.target(request.service, request.environment), request.kind);
      const args = { ...request.args, ...(request.revision !== undefined && { revision: request.revision }) };
      verify = operation.verifyFor?.(args) ?? operation.verify;
      result = await operation.run(args, new AbortController().signal);
    } catch (error) {
      log.warn({ err: error, requestId: request.id }, 'executor failed');
      result = { ok: false, summary: `executor error: ${(error as Error).message}`, outputTail: '' };
    } finally {
      clearInterval(heartbeat);
    }
    // Programs and webhooks print what they like; credentials must not reach the channel or audit.
    const mask = this.deps.mask ?? ((text: string) => text);
    result = { ...result, summary: mask(result.summary), outputTail: mask(result.outputTail) };
    const seconds = Math.round((clock.now().getTime() - started) / 1000);
    const done =
      (await repo.transition(request.id, result.ok ? 'succeeded' : 'failed', clock.now(), result)) ?? running;
    await this.record(who, done, `${done.kind}.execute`, result.ok ? 'succeeded' : 'failed', result.summary, {
      requestId: done.id,
      executor: done.executor,
      revision: result.revision ?? done.revision,
      outputTail: result.outputTail.slice(-2000),
      seconds,
    });
    await this.post(done, this.deps.messages.execution(done, result, seconds), true);
    if (result.ok) await this.verify(done, who, verify);
  }

  /**
   * Marks runs whose process died (no heartbeat for ABANDONED_AFTER_MS) as interrupted, tells their
   * channel that the outcome is unknown, and audits it. Safe on every replica at once: each run is
   * taken by one conditional UPDATE. Returns how many were found.
   */
  async recoverInterrupted(): Promise<number> {
    const { repo, clock } = this.deps;
    const now = clock.now();
    const abandoned = await repo.interruptAbandoned(
      new Date(now.getTime() - ABANDONED_AFTER_MS),
      now,
      'interrupted: bers-bot stopped while it ran; the outcome is unknown',
    );
    for (const request of abandoned) {
      const who: Who = {
        actor: { id: 'bers-bot', name: 'bers-bot' },
        channel: { id: request.channelId, name: request.channelId },
        correlationId: request.correlationId,
      };
      await this.record(who, request, `${request.kind}.execute`, 'interrupted', request.summary ?? '', {
        requestId: request.id,
        executor: request.executor,
        confirmedBy: request.confirmedBy?.id,
      });
      await this.post(request, this.deps.messages.interrupted(request), true);
    }
    return abandoned.length;
  }

  /** The operation's verification, then its state, audit row and channel message. */
  private async verify(request: ActionRequest, who: Who, spec: VerifyConfig): Promise<void> {
    const settings = this.deps.actions.target(request.service, request.environment).settings;
    const result = await verifyOperation(request.service, spec, settings, this.deps.verify, this.deps);
    // `verify: none`: the run's success is the whole answer.
    if (!result) return;
    const { state, done } = await recordVerification(this.deps.repo, this.deps.clock, request, result);
    await this.record(who, done, `${done.kind}.verify`, state, `${result.status} after ${result.seconds} s`, {
      requestId: done.id,
      ...verificationDetails(result),
    });
    await this.post(
      done,
      this.deps.messages.verification(done, result, !result.healthy && done.kind === 'restart'),
      true,
    );
  }

  /** Audit rows after execution must not stop the report of what happened. */
  private async record(...args: Parameters<ActionService['record']>): Promise<void> {
    await this.deps.actions
      .record(...args)
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'audit write failed'));
  }

  private async post(request: ActionRequest, message: Message, echo = false): Promise<void> {
    const channel = request.channelId;
    const fail = (error: unknown) =>
      this.deps.log.error({ err: error, channel }, 'could not post an action result');
    await this.deps.chat.post(channel, message).catch(fail);
    if (echo && this.deps.alsoTell) await this.deps.alsoTell(request, message).catch(fail);
  }
}
