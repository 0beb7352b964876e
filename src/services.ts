import type { Actions } from './actions/build-actions.js';
import type { AlertNotifier } from './alerts/alert-notifier.js';
import type { AlertService } from './alerts/alert-service.js';
import type { IncidentDeclarer } from './alerts/incident-declarer.js';
import type { BotConfig } from './config/schema.js';
import type { Chat } from './core/chat.js';
import type { Clock } from './core/clock.js';
import type { HealthService } from './health/health-service.js';
import type { IncidentService } from './incident/incident-service.js';
import type { OnCall } from './incident/on-call.js';
import type { Pager } from './incident/pager.js';
import type { PagerDutyIntegration } from './integrations/pagerduty/build-pagerduty.js';
import type { LogService } from './logs/log-service.js';
import type { MaintenanceService } from './maintenance/maintenance-service.js';
import type { MetricService } from './metrics/metric-service.js';
import type { ChartRenderer } from './metrics/model.js';
import type { BotMetrics } from './observability/metrics.js';
import type { ReportService } from './reports/report-service.js';
import type { RunbookWalker } from './runbooks/runbook-walker.js';
import type { TimerService } from './scheduler/timers.js';
import type { StatusPage } from './status/status-page.js';
import type { AuditLog } from './store/audit-log.js';
import type { Store } from './store/store.js';

/**
 * The services src/build-services.ts builds once. They are declared here, on the composition-root
 * side, and merged into core's `Services` (which declares only the pipeline's ports), so core
 * imports no area. A feature area adds its service here; a command names the ones it uses in its
 * factory's deps type and gets them from commands/index.ts.
 */
declare module './core/services.js' {
  interface Services {
    config: BotConfig;
    clock: Clock;
    store: Store;
    audit: AuditLog;
    chat: Chat;
    metrics: BotMetrics;
    health: HealthService;
    /** Durable due-timers (reminders, deadlines); feature areas register their kinds at wiring. */
    timers: TimerService;
    /** PagerDuty: the Pager (durable outbox), webhooks and on-call lookup. */
    pagerduty: PagerDutyIntegration;
    /** Who is on call (PagerDuty's on-call lookup); absent without PAGERDUTY_API_TOKEN. */
    oncall?: OnCall;
    /** The paging port the incident flows use: PagerDuty's outbox-backed Pager when configured. */
    pager: Pager;
    /** The incident lifecycle (declare, update, resolve, timeline, queries). */
    incidents: IncidentService;
    /** The public status page (`GET /status`), from the health snapshot and public updates. */
    statusPage: StatusPage;
    /** Alert sources (list / ack / resolve) and the Alertmanager webhook's channel messages. */
    alerts: AlertService;
    alertNotifier: AlertNotifier;
    /**
     * The alert "Declare incident" button's way into the incidents; src/build-services.ts always
     * sets it. Services built without the incident area (some tests) leave it out, and the button
     * says incident management is not enabled.
     */
    incidentDeclarer?: IncidentDeclarer;
    /** Configured KPIs (`/bers metrics`) and the chart renderer for their series. */
    kpis: MetricService;
    charts: ChartRenderer;
    /** Scheduled reports and `/bers report`. */
    reports: ReportService;
    /** Restart and rollback: requests, confirmation, execution, verification. */
    actions: Actions;
    /** `/bers logs`: a service's recent lines, under the actions' policy and masking. */
    logs: LogService;
    /** Maintenance windows: announcements, silences, "in maintenance" in health and reports. */
    maintenance: MaintenanceService;
    /** `/bers runbook`: walks of the configured runbooks in threads. */
    runbooks: RunbookWalker;
  }
}

export type { Services } from './core/services.js';
