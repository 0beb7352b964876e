import type { Actions } from '../actions/build-actions.js';
import type { AlertService } from '../alerts/alert-service.js';
import type { Alert } from '../alerts/model.js';
import type { Actor } from '../core/actor.js';
import type { HealthService } from '../health/health-service.js';
import type { LogService } from '../logs/log-service.js';
import type { MetricService } from '../metrics/metric-service.js';
import type { RunbookRun } from './run-repository.js';
import type { StepContext } from './steps/step-context.js';

export interface ContextDeps {
  health: HealthService;
  kpis: MetricService;
  actions: Actions;
  /** `/bers logs`'s reader: the gather step reads as the person driving, under the same policy. */
  logs: Pick<LogService, 'read'>;
  alerts: AlertService;
  /** A service's configured name from any of its names (aliases), as alerts label them. */
  serviceOf(name: string): string | undefined;
  /** Labels that also mark a service's alerts (maintenance `silenceMatchers`, e.g. job=unjucks-api). */
  alertMatchers?: Readonly<Record<string, readonly { name: string; value: string }[]>>;
}

/** What the steps of one walk see: its service, and the areas read as the person driving. */
export function walkContext(deps: ContextDeps, run: RunbookRun, actor: Actor): StepContext {
  const service = run.service;
  const matchers = deps.alertMatchers?.[service];
  const belongs = (a: Alert) =>
    (a.service !== undefined && deps.serviceOf(a.service) === service) ||
    (matchers !== undefined && matchers.length > 0 && matchers.every((m) => a.labels[m.name] === m.value));
  return {
    service,
    health: deps.health,
    kpis: deps.kpis,
    async alerts() {
      const listing = await deps.alerts.list();
      return { ...listing, alerts: listing.alerts.filter(belongs) };
    },
    async logs(request) {
      const target = deps.actions.service.target(service);
      const who = {
        actor,
        channel: { id: run.channelId, name: run.channelId },
        correlationId: `runbook-${run.id}`,
      };
      const result = await deps.logs.read(target, request, who);
      return { ...result, environment: target.environment };
    },
  };
}
