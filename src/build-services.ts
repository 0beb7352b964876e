import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { buildActions } from './actions/build-actions.js';
import { buildAlertsArea } from './alerts/build-alerts-area.js';
import type { BotConfig } from './config/schema.js';
import { ServiceNames } from './config/service-names.js';
import type { Settings } from './config/settings.js';
import type { Chat } from './core/chat.js';
import type { Clock } from './core/clock.js';
import { Permissions } from './core/permissions.js';
import { buildHealthService } from './health/build-health-service.js';
import { alertIncidentDeclarer } from './incident/alert-incident-declarer.js';
import { buildIncidentService, buildTimelinePager } from './incident/build-incident-service.js';
import { incidentPagerSinks } from './incident/pager-event-flows.js';
import { buildPagerDuty } from './integrations/pagerduty/build-pagerduty.js';
import { buildLogs } from './logs/build-logs.js';
import { buildMaintenance } from './maintenance/build-maintenance.js';
import { MetricService } from './metrics/metric-service.js';
import type { BotMetrics } from './observability/metrics.js';
import { buildReports } from './reports/build-reports.js';
import type { ReportScheduler } from './reports/report-scheduler.js';
import type { ReportSources } from './reports/report-sources.js';
import { alertReportSource } from './reports/sources/alert-report-source.js';
import { incidentReportSource } from './reports/sources/incident-report-source.js';
import { kpiReportSource } from './reports/sources/kpi-report-source.js';
import { RunRepository } from './runbooks/run-repository.js';
import { runbookFor } from './runbooks/runbook-match.js';
import { RunbookWalker } from './runbooks/runbook-walker.js';
import { TimerService } from './scheduler/timers.js';
import type { Services } from './services.js';
import { SlackMessageSource } from './slack/slack-message-source.js';
import { HealthSnapshots } from './status/health-snapshots.js';
import { StatusPage } from './status/status-page.js';
import { AuditLog } from './store/audit-log.js';
import type { Store } from './store/store.js';
import { alertGroupMessage } from './views/alerts-notification-view.js';
import { incidentMessages } from './views/incident-messages.js';
import { maintenanceMessages } from './views/maintenance-messages.js';
import { reportMessage } from './views/report-view.js';
import { runbookMessages } from './views/runbook-messages.js';
import { actionPorts } from './wiring/action-ports.js';
import { buildAlertSources } from './wiring/alert-source-kinds.js';
import { buildChartRenderer } from './wiring/chart-renderer-kinds.js';
import { healthProbes } from './wiring/health-probes.js';
import { createLogSource } from './wiring/log-source-kinds.js';
import { buildMetricSources } from './wiring/metric-source-kinds.js';

export interface ServiceWiring {
  settings: Settings;
  config: BotConfig;
  log: Logger;
  clock: Clock;
  store: Store;
  chat: Chat;
  metrics: BotMetrics;
  /** Slack's Web API client in Slack modes (reads pinned messages back); absent in the console. */
  webClient?: WebClient;
  pagerDutyCa?: string;
  processEnv?: Readonly<Record<string, string | undefined>>;
  actionSleep?: (ms: number) => Promise<void>;
}

/** Every area's service, built in dependency order; the areas meet only through these ports. */
export async function buildServices(
  w: ServiceWiring,
): Promise<{ services: Services; reportScheduler: ReportScheduler }> {
  const { settings, config, log, clock, store, chat, metrics } = w;
  const audit = new AuditLog(store, clock);
  const names = new ServiceNames(config.services);
  const permissions = new Permissions(config.permissions);
  const health = buildHealthService(config, clock, healthProbes, (...args) => metrics.observeCheck(...args));
  const timers = new TimerService(store, clock, log);

  // Without any routing key PagerDuty is off, and the timeline pager records what would be paged.
  const pagerduty = buildPagerDuty({ settings, config, store, clock, chat, log, ca: w.pagerDutyCa });
  const pager = pagerduty.configured ? pagerduty.pager : buildTimelinePager(store, clock);
  const snapshots = new HealthSnapshots(health, clock);
  const incidents = await buildIncidentService({
    ...{ config, store, chat, clock, log, timers },
    probe: snapshots,
    pagerActions: pagerduty.rest,
    pager,
    messages: w.webClient ? new SlackMessageSource(w.webClient) : undefined,
    render: incidentMessages,
  });
  pagerduty.connect(incidentPagerSinks(incidents, log, clock));

  const alertsArea = buildAlertsArea({
    ...{ settings: config.alerts, store, chat, clock, log },
    sources: buildAlertSources(config.alerts, clock),
    runbookOf: (group) => {
      const runbook = runbookFor(config.runbooks.definitions, {
        name: group.labels.alertname ?? '',
        labels: group.labels,
      });
      if (!runbook) return undefined;
      // The group's own service when it names one; else the runbook's default target.
      const service = names.canonical(group.labels.service ?? '') ?? runbook.service;
      return { name: runbook.name, service };
    },
    render: alertGroupMessage,
  });
  const maintenance = await buildMaintenance({
    ...{ config, store, timers, health, chat, clock, log },
    alerts: alertsArea.service,
    render: maintenanceMessages,
  });
  const kpis = new MetricService(buildMetricSources(config.metrics), clock, config.metrics.timeoutMs);

  // A report section whose area is not configured is left out of the report.
  const sources: ReportSources = {
    maintenance,
    incidents: incidentReportSource(incidents),
    ...(config.metrics.definitions.length > 0 && { kpis: kpiReportSource(kpis) }),
    ...(config.alerts.sources.length > 0 && { alerts: alertReportSource(alertsArea.service) }),
  };
  const reports = buildReports({
    ...{ config: config.reports, health, store, clock, chat, log, sources },
    render: reportMessage,
  });

  const actions = buildActions({
    ...{ config, store, chat, clock, log, audit, health, permissions },
    ...actionPorts,
    processEnv: w.processEnv,
    kpis,
    sleep: w.actionSleep,
    // The incident is told after the action's own channel; a failure here never stops the action.
    alsoTell: (request, message) =>
      incidents
        .tellAction(request, message)
        .catch((error: unknown) => log.error({ err: error, request: request.id }, 'incident not told')),
    inMaintenance: async (service) => (await maintenance.windowOf(service)) !== undefined,
  });
  const logs = buildLogs({ actions, createLogSource, processEnv: w.processEnv });
  const services: Services = {
    ...{ config, log, clock, store, audit, chat, permissions, metrics, health, timers },
    pagerduty,
    oncall: pagerduty.oncall,
    pager,
    incidents,
    statusPage: new StatusPage(
      config.statusPage,
      config.services.map((s) => s.name),
      snapshots,
      incidents,
      clock,
    ),
    alerts: alertsArea.service,
    alertNotifier: alertsArea.notifier,
    incidentDeclarer: alertIncidentDeclarer(incidents, (name) => names.canonical(name)),
    kpis,
    charts: buildChartRenderer(),
    reports: reports.service,
    actions,
    logs,
    runbooks: new RunbookWalker({
      ...{ chat, clock, log, audit, timers, health, kpis, actions, logs },
      runs: new RunRepository(store),
      runbooks: config.runbooks.definitions,
      alerts: alertsArea.service,
      serviceOf: (name) => names.canonical(name),
      alertMatchers: config.maintenance.silenceMatchers,
      render: runbookMessages,
    }),
    maintenance,
  };
  return { services, reportScheduler: reports.scheduler };
}
