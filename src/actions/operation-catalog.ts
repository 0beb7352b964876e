import type { ActionsConfig, EnvironmentActionsConfig } from '../config/actions-schema.js';
import { didYouMean } from '../core/did-you-mean.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import type { ActionKind } from './action-request.js';
import { builtInOperations } from './built-in-operations.js';
import { configuredOperations } from './configured-operations.js';
import type { Executor } from './executor.js';
import type { Operation } from './operation.js';
import type { PolicyTarget } from './permission-policy.js';

export interface Target {
  service: string;
  environment: string;
  settings: EnvironmentActionsConfig;
}

const BUILT_IN = new Set(['restart', 'rollback', 'scale']);

/** Which services, environments and operations exist, and who may run each: all from the config. */
export class OperationCatalog {
  constructor(
    private readonly config: ActionsConfig,
    private readonly executorFor: (service: string, environment: string) => Executor,
    private readonly processEnv?: Readonly<Record<string, string | undefined>>,
    /** A configured name for an alias (`backend` → `ai-chat-backend`); names pass through. */
    private readonly resolveService: (name: string) => string = (name) => name.toLowerCase(),
  ) {}

  /** The configured service/environment, or a NotFoundError listing the known ones. */
  target(service: string, environment?: string): Target {
    const services = this.config.services;
    const known = Object.keys(services);
    const canonical = this.resolveService(service);
    const entry = services[canonical];
    if (!entry) {
      throw new NotFoundError(
        `\`${service.slice(0, 60)}\` has no restart or rollback configured.${didYouMean(service, known)} ` +
          `Services with actions: ${known.map((n) => `\`${n}\``).join(', ') || 'none (see `actions` in the config)'}.`,
      );
    }
    const envs = Object.keys(entry.environments);
    const name =
      environment?.toLowerCase() ??
      entry.defaultEnvironment ??
      (envs.length === 1 ? envs[0] : envs.includes('production') ? 'production' : undefined);
    if (!name) throw new UsageError(`Name the environment of ${service}: ${envs.join(', ')}.`);
    const settings = entry.environments[name];
    if (!settings) {
      throw new NotFoundError(
        `\`${service}\` has no environment \`${name.slice(0, 40)}\`. Known: ${envs.map((e) => `\`${e}\``).join(', ')}.`,
      );
    }
    return { service: canonical, environment: name, settings };
  }

  /** Every operation of the target: the executor's built-ins, then the configured ones. */
  operations(t: Target): Operation[] {
    const executor = () => this.executorFor(t.service, t.environment);
    const configured = this.config.services[t.service]!.operations;
    return [
      ...builtInOperations(t.settings, executor()),
      ...configuredOperations(configured, t, { executor, processEnv: this.processEnv }),
    ];
  }

  /** One operation by name, or a NotFoundError that lists the target's operations. */
  operation(t: Target, name: string): Operation {
    this.requireKnown(t, name);
    const found = this.operations(t).find((op) => op.name === name);
    if (found) return found;
    // Only `scale` is left out by an executor that cannot do it.
    throw new UsageError(
      `${t.service} (${t.environment}) cannot be scaled by its executor (${t.settings.executor.kind}); ` +
        'Kubernetes deployments and compose services can.',
    );
  }

  /** Unknown names are refused before permissions are looked at, with the ones that exist. */
  requireKnown(t: Target, name: string): void {
    const configured = this.configuredNames(t);
    if (BUILT_IN.has(name) || configured.includes(name)) return;
    const known = ['restart', 'rollback', ...configured].map((n) => `\`${n}\``).join(', ');
    throw new NotFoundError(
      `\`${name.slice(0, 40)}\` is not an operation of ${t.service} (${t.environment}). ` +
        `Known: ${known}; \`/bers ops ${t.service}\` lists them.`,
    );
  }

  /** Who may run `kind` on the target: its configured roles, else a grant (no executor needed). */
  policyTarget(kind: ActionKind, t: Target): PolicyTarget {
    const production = t.settings.production ?? /^prod(uction)?$/.test(t.environment);
    if (BUILT_IN.has(kind)) {
      const roles = t.settings[kind as 'restart' | 'rollback' | 'scale'];
      return { kind, environment: t.environment, roles, production };
    }
    const op = this.config.services[t.service]?.operations[kind];
    return { kind, environment: t.environment, roles: op?.roles, production, grant: op?.permission };
  }

  private configuredNames(t: Target): string[] {
    return Object.entries(this.config.services[t.service]!.operations)
      .filter(([, op]) => !op.environments || op.environments.includes(t.environment))
      .map(([name]) => name);
  }
}
