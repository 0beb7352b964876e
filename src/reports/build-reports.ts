import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { ReportsConfig } from '../config/reports-schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { HealthService } from '../health/health-service.js';
import type { Store } from '../store/store.js';
import { ReportScheduler } from './report-scheduler.js';
import { ReportService, type ReportServiceDeps } from './report-service.js';
import type { ReportSources } from './report-sources.js';
import { RunClaims } from './run-claims.js';

export interface ReportsWiring {
  config: ReportsConfig;
  health: Pick<HealthService, 'check'>;
  store: Store;
  clock: Clock;
  chat: Chat;
  log: Logger;
  sources: ReportSources;
  /** The report in Block Kit (src/views/report-view.ts), handed in by the composition root. */
  render: ReportServiceDeps['render'];
}

/** The report service and its scheduler, built together in the composition root. */
export function buildReports(w: ReportsWiring): { service: ReportService; scheduler: ReportScheduler } {
  const log = w.log.child({ area: 'reports' });
  const service = new ReportService({ ...w, log });
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const scheduler = new ReportScheduler({
    schedules: w.config.schedules,
    graceMinutes: w.config.graceMinutes,
    catchUpSeconds: w.config.catchUpSeconds,
    claims: new RunClaims(w.store, w.clock, instance),
    clock: w.clock,
    log,
    post: (schedule, slot, late) => service.postScheduled(schedule, slot, late),
  });
  return { service, scheduler };
}
