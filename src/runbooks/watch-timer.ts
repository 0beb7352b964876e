import type { WatchStep } from '../config/runbook-schema.js';
import type { TimerService } from '../scheduler/timers.js';

export interface WatchPayload {
  run: string;
  step: number;
  /** When the watch began (ms): its timeout counts from here across restarts. */
  startedAt: number;
  look: number;
}

/**
 * The next look of a watch step, as a durable timer: a restart mid-watch carries on. Each look has
 * its own key (and a retried watch its own start), since the timer that is firing is marked fired once its handler returns.
 */
export async function startWatch(
  timers: TimerService,
  kind: string,
  run: string,
  step: number,
  startedAt: Date,
  watch: WatchStep,
  look = 0,
): Promise<void> {
  const due = new Date(startedAt.getTime() + look * watch.intervalSeconds * 1000);
  const payload: WatchPayload = { run, step, startedAt: startedAt.getTime(), look };
  await timers.schedule(`runbook:${run}:${step}:watch:${startedAt.getTime()}:${look}`, kind, due, {
    ...payload,
  });
}
