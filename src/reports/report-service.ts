import type { Logger } from 'pino';
import type { ReportsConfig, ScheduleConfig } from '../config/reports-schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { Message } from '../core/message.js';
import type { HealthService } from '../health/health-service.js';
import type { Store } from '../store/store.js';
import { gatherReport } from './gather-report.js';
import type { Report, ReportKind, ReportSection } from './report-model.js';
import type { ReportSources } from './report-sources.js';
import { alertsSection } from './sections/alerts-section.js';
import { checklistSection } from './sections/checklist-section.js';
import { healthSection } from './sections/health-section.js';
import { incidentsSection } from './sections/incidents-section.js';
import { kpiSection } from './sections/kpi-section.js';
import { maintenanceSection } from './sections/maintenance-section.js';
import { operationsSection } from './sections/operations-section.js';

export interface ReportServiceDeps {
  config: ReportsConfig;
  health: Pick<HealthService, 'check'>;
  store: Store;
  sources: ReportSources;
  clock: Clock;
  chat: Chat;
  log: Logger;
  /** Renders a report as a message (the views layer), kept out of the domain. */
  render(report: Report): Message;
}

const TITLES: Record<ReportKind, string> = {
  'daily-health': 'Daily health report',
  'weekly-maintenance': 'Weekly maintenance',
};

/** Builds the reports from their sections and posts them. */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /** The daily report's sections, in the order they read. Sources not wired are left out. */
  sectionsOf(kind: ReportKind): ReportSection[] {
    const { health, store, sources, config } = this.deps;
    if (kind === 'weekly-maintenance')
      return [checklistSection(config.maintenanceChecklist), healthSection(health)];
    return [
      healthSection(health),
      maintenanceSection(sources.maintenance),
      alertsSection(sources.alerts),
      incidentsSection(sources.incidents),
      kpiSection(sources.kpis),
      operationsSection(store),
    ];
  }

  build(
    kind: ReportKind,
    options: {
      timezone?: string;
      scheduleId?: string;
      slot?: Date;
      late?: Report['late'];
      sections?: ReportSection[];
    } = {},
  ): Promise<Report> {
    return gatherReport(options.sections ?? this.sectionsOf(kind), {
      kind,
      title: TITLES[kind],
      at: this.deps.clock.now(),
      timezone: options.timezone ?? 'UTC',
      deadlineMs: this.deps.config.deadlineMs,
      clock: this.deps.clock,
      scheduleId: options.scheduleId,
      slot: options.slot,
      late: options.late,
    });
  }

  render(report: Report): Message {
    return this.deps.render(report);
  }

  /** The daily schedule's time zone, so `/bers report` reads like the scheduled one. */
  dailyTimezone(): string {
    return this.deps.config.schedules.find((s) => s.kind === 'daily-health')?.timezone ?? 'UTC';
  }

  channelsOf(schedule: ScheduleConfig): string[] {
    return schedule.channels ?? this.deps.config.channels;
  }

  /** Builds a scheduled report and posts it to each of its channels; throws if any post failed. */
  async postScheduled(schedule: ScheduleConfig, slot: Date, late?: Report['late']): Promise<void> {
    const report = await this.build(schedule.kind, {
      timezone: schedule.timezone,
      scheduleId: schedule.id,
      slot,
      late,
    });
    const message = this.render(report);
    const failed: string[] = [];
    for (const channel of this.channelsOf(schedule)) {
      try {
        await this.deps.chat.post(channel, message);
      } catch (error) {
        failed.push(`${channel}: ${(error as Error).message}`);
      }
    }
    this.deps.log.info(
      { schedule: schedule.id, slot, late: late !== undefined, failures: report.failures.length, failed },
      'scheduled report posted',
    );
    if (failed.length > 0) throw new Error(`posting failed (${failed.join('; ')})`);
  }
}
