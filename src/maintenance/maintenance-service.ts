import type { Logger } from 'pino';
import type { AlertService } from '../alerts/alert-service.js';
import type { MaintenanceSettings, MaintenanceWindowConfig } from '../config/maintenance-schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import { nextSlots, previousSlot } from '../core/cron-slots.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { HealthService } from '../health/health-service.js';
import type { DueTimer, TimerService } from '../scheduler/timers.js';
import type { Queryable } from '../store/store.js';
import type { Checklists } from './checklists.js';
import { CurrentWindows } from './current-windows.js';
import type { MaintenanceMessages } from './maintenance-messages.js';
import type { MaintenanceRepository } from './maintenance-repository.js';
import { leadText, utcText } from './maintenance-text.js';
import type { Occurrence } from './model.js';
import { expireSilences, silenceWindow } from './window-silences.js';

export interface MaintenanceDeps {
  settings: MaintenanceSettings;
  repo: MaintenanceRepository;
  timers: TimerService;
  alerts: AlertService;
  health: HealthService;
  chat: Chat;
  clock: Clock;
  log: Logger;
  checklists: Checklists;
  /** How the announcements, the start and the end are posted (views implement it). */
  render: MaintenanceMessages;
  /** Where a service's posts go: its own channel, else `maintenance.channel`, else the alerts channel. */
  channelOf(service: string): string;
}

/**
 * Maintenance windows: each occurrence's announcements, start and end are durable timers, and each
 * of them is taken by a conditional write (see MaintenanceRepository), so a restart or a second
 * replica never announces, silences or ends a window twice.
 */
export class MaintenanceService {
  private readonly windows: CurrentWindows;

  constructor(private readonly deps: MaintenanceDeps) {
    this.windows = new CurrentWindows((now) => deps.repo.upcoming(now), deps.clock);
  }

  /** Registers the timer kinds; call once at wiring, before the timers poll. */
  register(): void {
    const { timers } = this.deps;
    timers.on('maintenance.announce', (t) => this.onAnnounce(t));
    timers.on('maintenance.start', (t) => this.onStart(t));
    timers.on('maintenance.end', (t) => this.onEnd(t));
  }

  /** At start-up and after each end: each configured window gets its current (if under way) and next occurrence. */
  async planRecurring(): Promise<void> {
    const now = this.deps.clock.now();
    for (const window of this.deps.settings.windows) await this.planWindow(window, now, true);
  }

  /** Occurrences of one configured window from `from` on; planned twice (replicas) they are one row. */
  private async planWindow(window: MaintenanceWindowConfig, from: Date, withCurrent: boolean): Promise<void> {
    const now = this.deps.clock.now();
    const title = window.title ?? `${window.name} maintenance`;
    const id = await this.deps.repo.upsertConfigured(window.name, title, window.services, now);
    const spec = { expression: window.cron, timezone: window.timezone };
    const durationMs = window.durationMinutes * 60_000;
    const current = withCurrent ? previousSlot(spec, from) : undefined;
    const starts = [
      ...(current && current.getTime() + durationMs > now.getTime() ? [current] : []),
      ...nextSlots(spec, from, 1),
    ];
    for (const startsAt of starts) {
      const endsAt = new Date(startsAt.getTime() + durationMs);
      const occurrence = await this.deps.repo.addOccurrence(id, startsAt, endsAt);
      if (occurrence) this.windows.forget();
      if (occurrence) await this.scheduleSteps(occurrence, window.announce);
    }
  }

  async scheduleOneOff(input: {
    services: string[];
    startsAt: Date;
    durationMinutes: number;
    title: string;
    createdBy: string;
  }): Promise<{ occurrence: Occurrence; announcements: number[] }> {
    const now = this.deps.clock.now();
    const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
    const overlapping = (await this.deps.repo.upcoming(now)).find(
      (o) =>
        o.startsAt < endsAt &&
        input.startsAt < o.endsAt &&
        o.services.some((s) => input.services.includes(s)),
    );
    if (overlapping) {
      throw new UsageError(
        `That overlaps maintenance #${overlapping.id} (${overlapping.services.join(', ')}, ${utcText(overlapping.startsAt)}); cancel it or pick another time.`,
        'maintenance schedule',
      );
    }
    let announcements: number[] = [];
    const occurrence = await this.deps.repo.createOneOff({ ...input, endsAt }, now, async (o, tx) => {
      announcements = await this.scheduleSteps(o, this.deps.settings.announce, tx);
    });
    this.windows.forget();
    return { occurrence, announcements };
  }

  /** Not cancelled, not over: soonest first. */
  upcoming(): Promise<Occurrence[]> {
    return this.deps.repo.upcoming(this.deps.clock.now());
  }

  /**
   * The windows under way now, by time (a start timer a few seconds late does not matter), from
   * memory: one another replica schedules or cancels shows within WINDOWS_FRESH_MS (5 s).
   */
  current(): Promise<Occurrence[]> {
    return this.windows.now();
  }

  /** The window `service` is in right now, if any: health shows it and two-person rules are lifted. */
  async windowOf(service: string): Promise<Occurrence | undefined> {
    return (await this.current()).find((o) => o.services.includes(service));
  }

  /** Cancels an occurrence: its timers stop; one under way ends now (silences expired, posted). */
  async cancel(id: number): Promise<Occurrence> {
    const occurrence = await this.deps.repo.get(id);
    if (!occurrence || occurrence.cancelledAt || occurrence.endedAt) {
      throw new NotFoundError(
        `No upcoming maintenance window #${id}; \`/bers maintenance list\` shows them.`,
      );
    }
    await this.deps.timers.cancelPrefix(`maintenance:${id}:`);
    const ended = await this.deps.repo.claimEnd(id, this.deps.clock.now(), true);
    this.windows.forget();
    if (!ended) throw new UsageError(`Maintenance #${id} has just ended or been cancelled.`);
    if (ended.startedAt) await this.finish(ended, true);
    // Cancelling this Sunday's window must not cancel next Sunday's.
    const window = this.deps.settings.windows.find((w) => w.name === ended.configName);
    if (window) await this.planWindow(window, ended.startsAt, false);
    return ended;
  }

  /** The timers of one occurrence; returns the lead times that will be announced. */
  private async scheduleSteps(o: Occurrence, leads: readonly number[], db?: Queryable): Promise<number[]> {
    const { timers, clock } = this.deps;
    const now = clock.now().getTime();
    const payload = { occurrenceId: o.id };
    const announced: number[] = [];
    for (const lead of [...new Set(leads)].sort((a, b) => b - a)) {
      const at = o.startsAt.getTime() - lead * 60_000;
      if (at < now) continue; // too late for this one: a window planned 3 h ahead skips its 24 h notice
      await timers.schedule(
        `maintenance:${o.id}:announce:${lead}`,
        'maintenance.announce',
        new Date(at),
        { ...payload, lead },
        db,
      );
      announced.push(lead);
    }
    await timers.schedule(`maintenance:${o.id}:start`, 'maintenance.start', o.startsAt, payload, db);
    await timers.schedule(`maintenance:${o.id}:end`, 'maintenance.end', o.endsAt, payload, db);
    return announced;
  }

  private async onAnnounce(timer: DueTimer): Promise<void> {
    const o = await this.deps.repo.get(Number(timer.payload.occurrenceId));
    const lead = Number(timer.payload.lead);
    const now = this.deps.clock.now();
    // Fired after the start (the bot was down): the start message says it all.
    if (!o || o.cancelledAt || o.startedAt || now >= o.startsAt) return;
    if (!(await this.deps.repo.claimAnnouncement(o.id, lead, now))) return;
    const checklist = this.deps.checklists.render(this.checklistOf(o), {
      title: o.title,
      services: o.services.join(', '),
      lead: leadText(lead),
      leadMinutes: lead,
      dayAhead: lead >= 24 * 60,
      startsAt: utcText(o.startsAt),
      endsAt: utcText(o.endsAt),
    });
    await this.post(o, this.deps.render.announcement(o, lead, checklist));
  }

  private async onStart(timer: DueTimer): Promise<void> {
    const id = Number(timer.payload.occurrenceId);
    const now = this.deps.clock.now();
    const o = await this.deps.repo.get(id);
    if (!o || o.endsAt <= now || !(await this.deps.repo.claimStart(id, now))) return;
    this.windows.forget();
    const { silences, silenced, failures } = await silenceWindow(this.deps, o);
    // Each silence ends with the window by itself, so one lost here by a crash still lifts in time.
    await this.deps.repo.recordSilences(id, silences);
    await this.post(o, this.deps.render.started(o, silenced, failures));
  }

  private async onEnd(timer: DueTimer): Promise<void> {
    const ended = await this.deps.repo.claimEnd(
      Number(timer.payload.occurrenceId),
      this.deps.clock.now(),
      false,
    );
    this.windows.forget();
    if (!ended) return;
    // A window the bot slept through entirely never started: nothing to lift, nothing to post.
    if (ended.startedAt) await this.finish(ended, false);
    if (ended.configName) await this.planRecurring();
  }

  private async finish(o: Occurrence, cancelled: boolean): Promise<void> {
    await expireSilences(this.deps, o);
    const health = await this.deps.health.check(o.services).catch(() => undefined);
    await this.post(o, this.deps.render.ended(o, health, cancelled));
  }

  private checklistOf(o: Occurrence): string | undefined {
    return this.deps.settings.windows.find((w) => w.name === o.configName)?.checklist;
  }

  private async post(o: Occurrence, message: Message): Promise<void> {
    const channels = [...new Set(o.services.map((s) => this.deps.channelOf(s)))];
    for (const channel of channels) await this.deps.chat.post(channel, message);
  }
}
