import type { Runbook } from '../config/runbook-schema.js';
import type { Clock } from '../core/clock.js';
import { md } from '../core/mrkdwn.js';
import type { TimerService } from '../scheduler/timers.js';
import type { RunRepository } from './run-repository.js';
import type { RunThread } from './run-thread.js';
import { failureNote } from './steps/failure-note.js';
import { watchOnce } from './steps/watch.js';
import { type ContextDeps, walkContext } from './walk-context.js';
import { startWatch, type WatchPayload } from './watch-timer.js';

export const WATCH_TIMER = 'runbook.watch';

export interface WatchStepDeps extends ContextDeps {
  runs: RunRepository;
  thread: RunThread;
  timers: TimerService;
  clock: Clock;
  runbook(name: string): Runbook;
}

/**
 * A watch step's looks, one per durable timer: until its metric or health meets the target
 * (the walk waits for Next) or its timeout passes (Retry / Skip / Stop). Each outcome moves the
 * walk once, so a look fired twice after a restart posts once.
 */
export class WatchStep {
  constructor(private readonly deps: WatchStepDeps) {}

  async tick(p: WatchPayload): Promise<void> {
    const run = await this.deps.runs.get(p.run);
    if (!run || run.step !== p.step || run.state !== 'watching') return;
    const step = this.deps.runbook(run.runbook).steps[p.step];
    if (!step || !('watch' in step)) return;
    // A source that is down is a look that did not meet the target, not the end of the watch.
    const look = await watchOnce(step.watch, walkContext(this.deps, run, run.startedBy)).catch(
      (error: unknown) => ({
        met: false,
        seen: failureNote(error),
      }),
    );
    const elapsed = Math.round((this.deps.clock.now().getTime() - p.startedAt) / 1000);
    const { met, seen } = look;
    if (!met && elapsed < step.watch.timeoutSeconds) {
      await startWatch(
        this.deps.timers,
        WATCH_TIMER,
        run.id,
        p.step,
        new Date(p.startedAt),
        step.watch,
        p.look + 1,
      );
      return;
    }
    const to = met ? ('waiting' as const) : ('failed' as const);
    const moved = await this.deps.runs.move(
      run.id,
      p.step,
      ['watching'],
      { step: p.step, state: to },
      this.deps.clock.now(),
    );
    if (!moved) return;
    const body = met
      ? md`✅ Met after ${String(elapsed)} s: ${seen}`
      : md`⏱ Not met after ${String(elapsed)} s: ${seen}`;
    await this.deps.thread.show(moved, p.step, body, met ? ['next', 'stop'] : ['retry', 'skip', 'stop']);
    await this.deps.thread.audit(
      moved,
      { id: run.startedBy.id, name: run.startedBy.name },
      `step ${p.step + 1} watch`,
      met ? 'met' : 'not-met',
      `watch ${met ? 'met' : 'not met'} after ${elapsed} s`,
    );
  }
}
