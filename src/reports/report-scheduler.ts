import { type Logger as CronLogger, createTask, type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { ScheduleConfig } from '../config/reports-schema.js';
import type { Clock } from '../core/clock.js';
import { previousSlot } from '../core/cron-slots.js';
import type { Report } from './report-model.js';
import type { RunClaims } from './run-claims.js';

export interface ReportSchedulerOptions {
  schedules: readonly ScheduleConfig[];
  /** Default grace window for missed runs (a schedule's `graceMinutes` overrides it). */
  graceMinutes: number;
  catchUpSeconds: number;
  claims: RunClaims;
  clock: Clock;
  log: Logger;
  /** Builds and posts one run; throwing marks the run failed. */
  post(schedule: ScheduleConfig, slot: Date, late?: Report['late']): Promise<void>;
  /** A slot younger than this is still node-cron's to run on time, not a missed one. */
  onTimeMs?: number;
}

export type CatchUpOutcome = { schedule: string; slot: Date; action: 'posted-late' | 'skipped' };

/** A post takes seconds; a slot still `posting` after this was left by a replica that died. */
const STALE_POSTING_MS = 10 * 60_000;
/** A failed post (Slack refused it) is tried again after this, while the grace window lasts. */
const FAILED_RETRY_MS = 5 * 60_000;

function cronLogger(log: Logger): CronLogger {
  return {
    info: (m) => log.debug({ cron: true }, m),
    warn: (m) => log.warn({ cron: true }, m),
    error: (m, err) =>
      log.error({ cron: true, err: err ?? m }, typeof m === 'string' ? m : 'node-cron error'),
    debug: (m) => log.debug({ cron: true }, String(m)),
  };
}

function hhmm(slot: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit' }).format(
    slot,
  );
}

/**
 * Runs report schedules with node-cron (time zone, no overlap) and a store-backed run
 * coordinator, so each slot is posted by exactly one replica. Missed slots (the bot was down) are
 * found at start-up and every `catchUpSeconds`: within the grace window they post once, marked
 * late; after it they are skipped and logged. So are slots whose run came to nothing (its replica
 * died mid-post, or Slack refused the post): within the grace window they are tried again.
 */
export class ReportScheduler {
  private tasks: ScheduledTask[] = [];
  private interval: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: ReportSchedulerOptions) {}

  start(): void {
    const { schedules, claims, log } = this.options;
    this.stopped = false;
    const logger = cronLogger(log);
    for (const schedule of schedules) {
      const task = createTask(
        schedule.cron,
        async (context) => {
          await this.track(this.runClaimed(schedule, context.date));
        },
        {
          name: schedule.id,
          timezone: schedule.timezone,
          noOverlap: true,
          distributed: true,
          logger,
          runCoordinator: {
            // node-cron's key is `<name>:<slot ISO>`; the slot is what we claim.
            shouldRun: (key) =>
              !this.stopped &&
              this.track(claims.claim(schedule.id, new Date(key.slice(schedule.id.length + 1)))),
          },
        },
      );
      task.on('execution:skipped', (ctx) =>
        log.debug({ schedule: schedule.id, slot: ctx.date, reason: ctx.reason }, 'report slot run elsewhere'),
      );
      void task.start();
      this.tasks.push(task);
    }
    void this.track(this.catchUp().catch((err) => log.error({ err }, 'report catch-up failed')));
    this.interval = setInterval(() => {
      void this.track(this.catchUp().catch((err) => log.error({ err }, 'report catch-up failed')));
    }, this.options.catchUpSeconds * 1000);
    this.interval.unref();
  }

  /** Looks at each schedule's most recent slot and posts or skips it if it was missed. */
  async catchUp(): Promise<CatchUpOutcome[]> {
    const { schedules, claims, clock, log } = this.options;
    const now = clock.now();
    const outcomes: CatchUpOutcome[] = [];
    for (const schedule of schedules) {
      const slot = previousSlot({ expression: schedule.cron, timezone: schedule.timezone }, now);
      if (!slot) continue;
      const age = now.getTime() - slot.getTime();
      if (age < (this.options.onTimeMs ?? 60_000)) continue;
      const graceMs = (schedule.graceMinutes ?? this.options.graceMinutes) * 60_000;
      if (age <= graceMs) {
        const reason = await this.claimMissed(schedule, slot, now);
        if (!reason) continue;
        log.warn(
          { schedule: schedule.id, slot, minutesLate: Math.round(age / 60_000), reason },
          'missed report slot: posting late',
        );
        await this.finish(schedule, slot, { slot, reason });
        outcomes.push({ schedule: schedule.id, slot, action: 'posted-late' });
      } else if (await claims.claim(schedule.id, slot, { status: 'skipped', late: true })) {
        log.warn(
          {
            schedule: schedule.id,
            slot,
            minutesLate: Math.round(age / 60_000),
            graceMinutes: graceMs / 60_000,
          },
          'missed report slot beyond the grace window: skipped',
        );
        outcomes.push({ schedule: schedule.id, slot, action: 'skipped' });
      }
    }
    return outcomes;
  }

  /**
   * Claims a missed slot for a late post and says why it is late: nobody ran it (the bot was
   * down), or its run came to nothing (see `RunClaims.retake`). Undefined when it is not ours to post.
   */
  private async claimMissed(schedule: ScheduleConfig, slot: Date, now: Date): Promise<string | undefined> {
    const { claims } = this.options;
    const at = `${hhmm(slot, schedule.timezone)}${schedule.timezone === 'UTC' ? ' UTC' : ` (${schedule.timezone})`}`;
    if (await claims.claim(schedule.id, slot, { late: true })) return `the bot was down at ${at}`;
    const retaken = await claims.retake(schedule.id, slot, {
      stalePostingBefore: new Date(now.getTime() - STALE_POSTING_MS),
      failedBefore: new Date(now.getTime() - FAILED_RETRY_MS),
    });
    if (!retaken) return undefined;
    return retaken.previousError
      ? `posting it at ${at} failed (${retaken.previousError})`
      : `the bot stopped while posting it at ${at}`;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    for (const task of this.tasks.splice(0)) await task.destroy();
    // A claim that just resolved hands over to its run within the same turn: wait until both are done.
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async runClaimed(schedule: ScheduleConfig, slot: Date): Promise<void> {
    await this.finish(schedule, slot);
  }

  private async finish(schedule: ScheduleConfig, slot: Date, late?: Report['late']): Promise<void> {
    try {
      await this.options.post(schedule, slot, late);
      await this.options.claims.finish(schedule.id, slot);
    } catch (error) {
      this.options.log.error({ err: error, schedule: schedule.id, slot }, 'scheduled report failed');
      await this.options.claims.finish(schedule.id, slot, (error as Error).message).catch(() => {});
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
    return promise;
  }
}
