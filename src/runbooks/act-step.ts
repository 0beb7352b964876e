import type { Logger } from 'pino';
import type { ActionRequest } from '../actions/action-request.js';
import type { Actions } from '../actions/build-actions.js';
import type { Actor } from '../core/actor.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import { md } from '../core/mrkdwn.js';
import type { TimerService } from '../scheduler/timers.js';
import { confirmationMessage } from '../views/actions-view.js';
import type { RunbookRun, RunRepository } from './run-repository.js';
import type { RunThread } from './run-thread.js';

export const ACT_TIMER = 'runbook.act';
/** How often a walk looks whether its act step's request has finished. */
const ACT_POLL_MS = 2_000;
const ACT_DONE = new Set(['verified', 'unverified', 'cancelled', 'expired', 'failed', 'interrupted']);

interface ActDeps {
  actions: Actions;
  chat: Chat;
  clock: Clock;
  log: Logger;
  timers: TimerService;
  runs: RunRepository;
  thread: RunThread;
}

/**
 * An act step: the operation's own request (its confirmation, roles, two-person rule and
 * exactly-once run), and a durable timer that resumes the walk once the request has finished.
 */
export class ActStep {
  private readonly runs: RunRepository;
  private readonly thread: RunThread;

  constructor(private readonly deps: ActDeps) {
    this.runs = deps.runs;
    this.thread = deps.thread;
  }

  async request(run: RunbookRun, index: number, operation: string, actor: Actor): Promise<void> {
    const actions = this.deps.actions;
    const who = {
      actor,
      channel: { id: run.channelId, name: run.channelId },
      correlationId: `runbook-${run.id}-${index}`,
    };
    let request: ActionRequest;
    try {
      request = await actions.service.request(operation, actions.service.target(run.service), who);
    } catch (error) {
      await this.runs.move(
        run.id,
        index,
        ['waiting'],
        { step: index, state: 'failed' },
        this.deps.clock.now(),
      );
      await this.thread.show(
        run,
        index,
        md`⚠️ Could not request *${operation}*: ${(error as Error).message}`,
        ['skip', 'stop'],
      );
      return;
    }
    await this.runs.move(
      run.id,
      index,
      ['waiting'],
      { step: index, state: 'acting', actRequestId: request.id },
      this.deps.clock.now(),
    );
    if (request.state === 'confirmed') {
      await this.thread.post(run, md`▶ Running *${operation}* (it needs no confirmation)…`, index);
      void actions.runner
        .execute(request, who)
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'runbook operation failed'));
    } else {
      await this.deps.chat.post(run.channelId, confirmationMessage(request), { threadTs: run.threadTs });
    }
    await this.deps.timers.schedule(
      `runbook:${run.id}:${index}:act`,
      ACT_TIMER,
      new Date(this.deps.clock.now().getTime() + ACT_POLL_MS),
      { run: run.id, step: index },
    );
  }

  /** The act step's request has finished (verified, unverified, cancelled…): the walk goes on. */
  async tick(runId: string, index: number): Promise<void> {
    const run = await this.runs.get(runId);
    if (!run || run.step !== index || run.state !== 'acting' || !run.actRequestId) return;
    const actions = this.deps.actions.service;
    const request = await actions.load(run.actRequestId);
    // An operation with `verify: none` ends at succeeded: its run's success is the whole answer.
    const verifies =
      actions.operation(actions.target(request.service, request.environment), request.kind).verify.kind !==
      'none';
    if (!ACT_DONE.has(request.state) && (verifies || request.state !== 'succeeded')) {
      // A fresh key per look: re-scheduling the timer that is firing would be marked fired with it.
      const n = Number(this.deps.clock.now());
      await this.deps.timers.schedule(
        `runbook:${run.id}:${index}:act:${n}`,
        ACT_TIMER,
        new Date(this.deps.clock.now().getTime() + ACT_POLL_MS),
        { run: run.id, step: index },
      );
      return;
    }
    const moved = await this.runs.move(
      run.id,
      index,
      ['acting'],
      { step: index, state: 'waiting' },
      this.deps.clock.now(),
    );
    if (!moved) return;
    const ok = request.state === 'verified' || request.state === 'succeeded';
    await this.thread.show(
      moved,
      index,
      md`${ok ? '✅' : '⚠️'} *${request.kind}* ${request.state}${request.summary ? `: ${request.summary}` : ''}`,
      ['next', 'stop'],
    );
  }
}
