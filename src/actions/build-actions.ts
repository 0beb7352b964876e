import type { Logger } from 'pino';
import type { ExecutorConfig } from '../config/actions-schema.js';
import type { BotConfig } from '../config/schema.js';
import { ServiceNames } from '../config/service-names.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import { UnavailableError } from '../core/errors.js';
import type { Permissions } from '../core/permissions.js';
import type { HealthService } from '../health/health-service.js';
import type { MetricService } from '../metrics/metric-service.js';
import { secretMasker, secretsIn } from '../observability/logger.js';
import type { AuditLog } from '../store/audit-log.js';
import type { Store } from '../store/store.js';
import { ActionRepository } from './action-repository.js';
import { type ActionMessages, ActionRunner } from './action-runner.js';
import { ActionService, type IncidentTeller } from './action-service.js';
import type { Executor } from './executor.js';
import { OperationCatalog } from './operation-catalog.js';
import { ActionPolicy } from './permission-policy.js';

export interface Actions {
  service: ActionService;
  runner: ActionRunner;
  /** Who may operate (and read the logs of) each service/environment; the logs area shares it. */
  policy: ActionPolicy;
  /** Masks the bot's known secret values in executor and log output. */
  mask(text: string): string;
}

/** What the composition root hands in (src/wiring/action-ports.ts): the Block Kit and the registries of kinds. */
export interface ActionPorts {
  messages: ActionMessages;
  /** The executor a service/environment's config names (src/wiring/executor-kinds.ts). */
  createExecutor(
    config: ExecutorConfig,
    context: {
      service: string;
      environment: string;
      processEnv?: Readonly<Record<string, string | undefined>>;
    },
  ): Executor;
}

export interface ActionsWiring extends ActionPorts {
  config: BotConfig;
  store: Store;
  audit: AuditLog;
  chat: Chat;
  health: HealthService;
  permissions: Permissions;
  clock: Clock;
  log: Logger;
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** KPIs, for operations verified by a metric being back on its target. */
  kpis?: MetricService;
  /** Tests: waits between verification checks (e.g. advancing a ManualClock). */
  sleep?: (ms: number) => Promise<void>;
  /** An operation run for an incident is also told in its card's thread and its timeline. */
  alsoTell?: IncidentTeller;
  /** True while a maintenance window covers the service: its two-person rules are lifted then. */
  inMaintenance?: (service: string) => Promise<boolean>;
}

/** Operations (restart, rollback, named ones): policy, requests, executors (built once per service/environment). */
export function buildActions(w: ActionsWiring): Actions {
  const settings = w.config.actions;
  const repo = new ActionRepository(w.store);
  const policy = new ActionPolicy(
    w.permissions,
    w.config.permissions,
    (group) => w.chat.userGroupMembers(group),
    w.clock,
    settings.groupCacheSeconds * 1000,
    (group, error) =>
      w.log.warn({ err: error, group }, 'cannot read user group members; its roles do not apply'),
  );
  const names = new ServiceNames(w.config.services);
  const mask = secretMasker(secretsIn(w.processEnv ?? {}));
  const executors = new Map<string, Executor>();
  const executorFor = (service: string, environment: string): Executor => {
    const key = `${service}/${environment}`;
    let executor = executors.get(key);
    if (!executor) {
      const config = settings.services[service]!.environments[environment]!.executor;
      try {
        executor = w.createExecutor(config, { service, environment, processEnv: w.processEnv });
      } catch (error) {
        // E.g. a kubeconfig that is missing: say so instead of a generic failure.
        throw new UnavailableError(
          `${service} (${environment}): the ${config.kind} executor cannot be set up: ${(error as Error).message}`,
        );
      }
      executors.set(key, executor);
    }
    return executor;
  };
  const service = new ActionService({
    config: settings,
    catalog: new OperationCatalog(settings, executorFor, w.processEnv, (name) => names.resolve(name)),
    mask,
    repo,
    policy,
    audit: w.audit,
    clock: w.clock,
    executorFor,
    inMaintenance: w.inMaintenance,
    alsoTell: w.alsoTell,
  });
  const runner = new ActionRunner({
    actions: service,
    messages: w.messages,
    repo,
    chat: w.chat,
    health: w.health,
    clock: w.clock,
    log: w.log,
    kpis: w.kpis,
    verify: {
      timeoutMs: settings.verifyTimeoutSeconds * 1000,
      intervalMs: settings.verifyIntervalSeconds * 1000,
      stableProbes: settings.verifyStableProbes,
      stableSeconds: settings.verifyStableSeconds,
    },
    sleep: w.sleep,
    alsoTell: w.alsoTell,
    mask,
  });
  return { service, runner, policy, mask };
}
