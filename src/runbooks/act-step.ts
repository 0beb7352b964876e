import type { Logger } from 'pino';
import type { ActionRequest } from '../actions/action-request.js';
import type { Actions } from '../actions/build-actions.js';
import type { OperationArg } from '../actions/operation.js';
import type { ActStep as ActConfig } from '../config/runbook-schema.js';
import type { Actor } from '../core/actor.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import { UsageError } from '../core/errors.js';
import { md } from '../core/mrkdwn.js';
import type { TimerService } from '../scheduler/timers.js';
import { namedArgs, needsForm, promptedArgs } from './act-args.js';
import type { RunbookRun, RunRepository, RunState } from './run-repository.js';
import type { RunThread } from './run-thread.js';
import type { RunbookMessages } from './runbook-messages.js';

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
  render: RunbookMessages;
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

  /**
   * Enters an act step: at once when the step fixes every argument the operation requires, else
   * the step asks for them (**Enter arguments** opens a form) and waits.
   */
  async enter(run: RunbookRun, index: number, act: ActConfig, actor: Actor): Promise<void> {
    let args: readonly OperationArg[];
    try {
      args = this.argsOf(run, act.operation);
    } catch (error) {
      await this.failed(run, index, act.operation, error, ['waiting']);
      return;
    }
    if (!needsForm(args, act.args)) {
      await this.start(run, index, act, {}, actor);
      return;
    }
    const wanted = promptedArgs(args, act.args).map((a) => `${a.name}${a.optional ? ' (optional)' : ''}`);
    await this.thread.show(
      run,
      index,
      md`*${act.operation}* needs ${wanted.join(', ')}: press *Enter arguments*.`,
      ['args', 'skip', 'stop'],
    );
  }

  /** What the step's form asks for, or a UsageError when the walk is not waiting at that act step. */
  form(run: RunbookRun, index: number, act: ActConfig): { operation: string; args: OperationArg[] } {
    if (run.step !== index || run.state !== 'waiting')
      throw new UsageError('This step has already moved on.');
    return { operation: act.operation, args: promptedArgs(this.argsOf(run, act.operation), act.args) };
  }

  /**
   * The form's values: checked by the operation's argument types (a bad one is a UsageError and
   * moves nothing), then the request, once (false when the step already moved on).
   */
  async submit(
    run: RunbookRun,
    index: number,
    act: ActConfig,
    typed: Record<string, string>,
    actor: Actor,
  ): Promise<boolean> {
    namedArgs(act.operation, this.argsOf(run, act.operation), act.args, typed);
    return this.start(run, index, act, typed, actor);
  }

  /** Claims the step (waiting → acting, once), then requests the operation behind its guards. */
  private async start(
    run: RunbookRun,
    index: number,
    act: ActConfig,
    typed: Record<string, string>,
    actor: Actor,
  ): Promise<boolean> {
    const { actions, clock } = this.deps;
    const operation = act.operation;
    const claimed = await this.runs.move(
      run.id,
      index,
      ['waiting'],
      { step: index, state: 'acting' },
      clock.now(),
    );
    if (!claimed) return false;
    const who = {
      actor,
      channel: { id: run.channelId, name: run.channelId },
      correlationId: `runbook-${run.id}-${index}`,
    };
    let request: ActionRequest;
    try {
      const target = actions.service.target(run.service);
      const values = namedArgs(operation, actions.service.operation(target, operation).args, act.args, typed);
      request = await actions.service.request(operation, target, who, values);
    } catch (error) {
      await this.failed(claimed, index, operation, error, ['acting']);
      return true;
    }
    await this.runs.move(
      run.id,
      index,
      ['acting'],
      { step: index, state: 'acting', actRequestId: request.id },
      clock.now(),
    );
    if (request.state === 'confirmed') {
      await this.thread.post(run, md`▶ Running *${operation}* (it needs no confirmation)…`, index);
      void actions.runner
        .execute(request, who)
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'runbook operation failed'));
    } else {
      await this.deps.chat.post(run.channelId, this.deps.render.confirmation(request), {
        threadTs: run.threadTs,
      });
    }
    await this.deps.timers.schedule(
      `runbook:${run.id}:${index}:act`,
      ACT_TIMER,
      new Date(clock.now().getTime() + ACT_POLL_MS),
      { run: run.id, step: index },
    );
    return true;
  }

  private argsOf(run: RunbookRun, operation: string): readonly OperationArg[] {
    const service = this.deps.actions.service;
    return service.operation(service.target(run.service), operation).args;
  }

  private async failed(
    run: RunbookRun,
    index: number,
    operation: string,
    error: unknown,
    from: RunState[],
  ): Promise<void> {
    await this.runs.move(run.id, index, from, { step: index, state: 'failed' }, this.deps.clock.now());
    await this.thread.show(run, index, md`⚠️ Could not request *${operation}*: ${(error as Error).message}`, [
      'skip',
      'stop',
    ]);
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
