import type { Logger } from 'pino';
import type { Actions } from '../actions/build-actions.js';
import type { AlertNotifier } from '../alerts/alert-notifier.js';
import type { AlertService } from '../alerts/alert-service.js';
import type { IncidentDeclarer } from '../alerts/incident-declarer.js';
import type { BotConfig } from '../config/schema.js';
import type { HealthService } from '../health/health-service.js';
import type { IncidentService } from '../incident/incident-service.js';
import type { Pager } from '../incident/pager.js';
import type { PagerDutyIntegration } from '../integrations/pagerduty/build-pagerduty.js';
import type { MetricService } from '../metrics/metric-service.js';
import type { ChartRenderer } from '../metrics/model.js';
import type { BotMetrics } from '../observability/metrics.js';
import type { ReportService } from '../reports/report-service.js';
import type { RunbookWalker } from '../runbooks/runbook-walker.js';
import type { TimerService } from '../scheduler/timers.js';
import type { AuditLog } from '../store/audit-log.js';
import type { Store } from '../store/store.js';
import type { Chat } from './chat.js';
import type { Clock } from './clock.js';
import type { Permissions } from './permissions.js';

/**
 * What commands and flows may use, built once in the composition root (src/app.ts).
 * Feature areas add their service here; nothing is module-global.
 */
export interface Services {
  config: BotConfig;
  log: Logger;
  clock: Clock;
  store: Store;
  audit: AuditLog;
  chat: Chat;
  permissions: Permissions;
  metrics: BotMetrics;
  health: HealthService;
  /** Durable due-timers (reminders, deadlines); feature areas register their kinds at wiring. */
  timers: TimerService;
  /** PagerDuty: the Pager (durable outbox), webhooks and on-call lookup. */
  pagerduty: PagerDutyIntegration;
  /** Paging port; the timeline-recording default until a paging integration replaces it. */
  pager: Pager;
  /** The incident lifecycle (declare, update, resolve, timeline, queries). */
  incidents: IncidentService;
  /** Alert sources (list / ack / resolve) and the Alertmanager webhook's channel messages. */
  alerts: AlertService;
  alertNotifier: AlertNotifier;
  /** Set once incident management is wired; the alert "Declare incident" button uses it. */
  incidentDeclarer?: IncidentDeclarer;
  /** Configured KPIs (`/bers metrics`) and the chart renderer for their series. */
  kpis: MetricService;
  charts: ChartRenderer;
  /** Scheduled reports and `/bers report`. */
  reports: ReportService;
  /** Restart and rollback: requests, confirmation, execution, verification. */
  actions: Actions;
  /** `/bers runbook`: walks of the configured runbooks in threads. */
  runbooks: RunbookWalker;
}
