import type { Logger } from 'pino';
import type { OperationArg } from '../actions/operation.js';
import type { ActStep as ActStepConfig, Runbook } from '../config/runbook-schema.js';
import type { Actor, ChannelRef } from '../core/actor.js';
import type { AuditSink } from '../core/audit.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import { md } from '../core/mrkdwn.js';
import type { TimerService } from '../scheduler/timers.js';
import { ACT_TIMER, ActStep } from './act-step.js';
import type { RunbookRun, RunRepository, RunState } from './run-repository.js';
import { RunThread } from './run-thread.js';
import type { RunButton, RunbookMessages } from './runbook-messages.js';
import { safely } from './steps/failure-note.js';
import { gather } from './steps/gather.js';
import { note } from './steps/note.js';
import { stepKind } from './steps/step-kind.js';
import { watchWhat } from './steps/watch.js';
import { type ContextDeps, walkContext } from './walk-context.js';
import { WATCH_TIMER, WatchStep } from './watch-step.js';
import { startWatch, type WatchPayload } from './watch-timer.js';

export interface WalkerDeps extends ContextDeps {
  runbooks: readonly Runbook[];
  /** The runs and their steps as stored (run-repository.ts, wired by the composition root). */
  runs: RunRepository;
  chat: Chat;
  clock: Clock;
  log: Logger;
  audit: AuditSink;
  timers: TimerService;
  /** How the walk's messages are posted (views implement it). */
  render: RunbookMessages;
}

export const RUNBOOK_TIMERS = { watch: WATCH_TIMER, act: ACT_TIMER } as const;

/** Walks runbooks in threads: one message per step, moved on by buttons and durable timers. */
export class RunbookWalker {
  private readonly runs: RunRepository;
  private readonly thread: RunThread;
  private readonly acts: ActStep;

  constructor(private readonly deps: WalkerDeps) {
    this.runs = deps.runs;
    const stepsOf = (name: string) => this.runbook(name).steps.length;
    this.thread = new RunThread({
      ...{ chat: deps.chat, audit: deps.audit, render: deps.render },
      runs: this.runs,
      stepsOf,
    });
    this.acts = new ActStep({ ...deps, runs: this.runs, thread: this.thread });
    const watches = new WatchStep({
      ...deps,
      runs: this.runs,
      thread: this.thread,
      runbook: (n) => this.runbook(n),
    });
    deps.timers.on(RUNBOOK_TIMERS.watch, (t) => watches.tick(t.payload as unknown as WatchPayload));
    deps.timers.on(RUNBOOK_TIMERS.act, (t) => this.acts.tick(String(t.payload.run), Number(t.payload.step)));
  }

  list(): readonly Runbook[] {
    return this.deps.runbooks;
  }

  runbook(name: string): Runbook {
    const found = this.deps.runbooks.find((r) => r.name === name);
    if (!found) {
      const known = this.deps.runbooks.map((r) => `\`${r.name}\``).join(', ') || 'none';
      throw new NotFoundError(`There is no runbook \`${name.slice(0, 60)}\`. Known: ${known}.`);
    }
    return found;
  }

  get(id: string): Promise<RunbookRun | undefined> {
    return this.runs.get(id);
  }

  /** An act step's form: the operation and the arguments the step leaves to the person driving. */
  argsForm(run: RunbookRun, step: number): { operation: string; args: OperationArg[] } {
    return this.acts.form(run, step, this.actOf(run, step));
  }

  /** The form's values: validated (UsageError), then the operation requested once (false: moved on). */
  submitArgs(run: RunbookRun, step: number, typed: Record<string, string>, actor: Actor): Promise<boolean> {
    return this.acts.submit(run, step, this.actOf(run, step), typed, actor);
  }

  private actOf(run: RunbookRun, index: number): ActStepConfig {
    const step = this.runbook(run.runbook).steps[index];
    if (!step || !('act' in step)) throw new UsageError('That step asks for no arguments.');
    return step.act;
  }

  /** Posts the header in the channel and the first step in its thread. */
  async start(runbook: Runbook, service: string, actor: Actor, channel: ChannelRef): Promise<RunbookRun> {
    const ref = await this.deps.chat.post(channel.id, this.deps.render.header(runbook, service, actor.id));
    const run = await this.runs.create(
      { runbook: runbook.name, service, channelId: ref.channel, threadTs: ref.ts, startedBy: actor },
      this.deps.clock.now(),
    );
    await this.thread.audit(run, actor, 'start', 'started', `runbook ${runbook.name} for ${service}`);
    await this.enter(run, 0, actor);
    return run;
  }

  /**
   * A button: moves the walk from the step it was shown for, once (the conditional UPDATE), and
   * answers whether it moved. The second click of a double click gets false and does nothing.
   */
  async press(run: RunbookRun, step: number, button: RunButton, actor: Actor): Promise<boolean> {
    const from: Record<RunButton, RunState[]> = {
      next: ['waiting'],
      skip: ['failed', 'waiting'],
      retry: ['failed'],
      stop: ['waiting', 'failed', 'watching', 'acting'],
    };
    const to =
      button === 'stop'
        ? { step, state: 'stopped' as const }
        : button === 'retry'
          ? { step, state: 'watching' as const }
          : { step: step + 1, state: 'waiting' as const };
    const moved = await this.runs.move(run.id, step, from[button], to, this.deps.clock.now());
    if (!moved) return false;
    await this.thread.audit(
      moved,
      actor,
      `step ${step + 1} ${button}`,
      button,
      `${button} at step ${step + 1}`,
    );
    if (button === 'stop') {
      await this.thread.post(moved, md`⏹ Stopped at step ${String(step + 1)} by ${actor.name}.`);
      await this.deps.timers.cancelPrefix(`runbook:${run.id}:`);
    } else if (button === 'retry') {
      await this.enter(moved, step, actor, true);
    } else {
      await this.enter(moved, step + 1, actor);
    }
    return true;
  }

  /** Runs step `index` of the walk (which is at that step already). */
  private async enter(run: RunbookRun, index: number, actor: Actor, retry = false): Promise<void> {
    const runbook = this.runbook(run.runbook);
    const step = runbook.steps[index];
    if (!step) {
      const done = await this.runs.move(
        run.id,
        index,
        ['waiting'],
        { step: index, state: 'done' },
        this.deps.clock.now(),
      );
      if (done) {
        await this.thread.post(done, md`✅ Runbook *${runbook.title}* complete.`);
        await this.thread.audit(done, actor, 'done', 'done', `runbook ${runbook.name} complete`);
      }
      return;
    }
    const kind = stepKind(step);
    await this.thread.audit(run, actor, `step ${index + 1} ${kind}`, 'entered', `${kind} step ${index + 1}`);
    switch (kind) {
      case 'gather':
      case 'note': {
        const body =
          'gather' in step
            ? await safely(() => gather(step.gather, walkContext(this.deps, run, actor)))
            : note('note' in step ? step.note : '');
        await this.thread.show(run, index, body, ['next', 'stop']);
        return;
      }
      case 'watch': {
        if (!('watch' in step)) return;
        if (!retry)
          await this.runs.move(
            run.id,
            index,
            ['waiting'],
            { step: index, state: 'watching' },
            this.deps.clock.now(),
          );
        await this.thread.post(
          run,
          md`👀 Watching for ${watchWhat(step.watch, run.service)} (every ${String(step.watch.intervalSeconds)} s, up to ${String(step.watch.timeoutSeconds)} s)…`,
          index,
        );
        await startWatch(
          this.deps.timers,
          RUNBOOK_TIMERS.watch,
          run.id,
          index,
          this.deps.clock.now(),
          step.watch,
        );
        return;
      }
      case 'act': {
        if (!('act' in step)) return;
        await this.acts.enter(run, index, step.act, actor);
        return;
      }
      default: {
        const unknownKind: never = kind;
        throw new Error(`unknown runbook step kind ${String(unknownKind)}`);
      }
    }
  }
}
