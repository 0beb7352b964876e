import type { ActionsConfig, ServiceActionsConfig } from './actions-schema.js';
import type { OperationConfig } from './operation-schema.js';

interface Issue {
  path: (string | number)[];
  message: string;
}

export interface KnownNames {
  services: readonly string[];
  roles: readonly string[];
  metrics: readonly string[];
}

/** Operations every environment has by its executor; configured operations may not take these names. */
export const BUILT_IN_OPERATIONS = ['restart', 'rollback', 'scale'] as const;

/** Cross-section rules: actions name configured services, roles and metrics; defaults, regexes and placeholders are valid. */
export function actionsIssues(actions: ActionsConfig, known: KnownNames): Issue[] {
  const issues: Issue[] = [];
  for (const [service, settings] of Object.entries(actions.services)) {
    const at = ['actions', 'services', service];
    if (!known.services.includes(service)) {
      issues.push({ path: at, message: `unknown service (known: ${known.services.join(', ')})` });
    }
    const envs = Object.keys(settings.environments);
    if (envs.length === 0) issues.push({ path: [...at, 'environments'], message: 'name at least one' });
    if (settings.defaultEnvironment && !envs.includes(settings.defaultEnvironment)) {
      issues.push({ path: [...at, 'defaultEnvironment'], message: `not one of ${envs.join(', ')}` });
    }
    for (const [env, e] of Object.entries(settings.environments)) {
      const envAt = [...at, 'environments', env];
      for (const kind of ['restart', 'rollback'] as const)
        issues.push(...roleIssues(e[kind], [...envAt, kind], known));
      if (!isRegex(e.revisionFormat)) {
        issues.push({ path: [...envAt, 'revisionFormat'], message: 'not a valid regular expression' });
      }
    }
    for (const [name, operation] of Object.entries(settings.operations)) {
      issues.push(...operationIssues(name, operation, settings, [...at, 'operations', name], known));
    }
  }
  return issues;
}

function operationIssues(
  name: string,
  op: OperationConfig,
  service: ServiceActionsConfig,
  at: (string | number)[],
  known: KnownNames,
): Issue[] {
  const issues: Issue[] = [];
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(name)) {
    issues.push({ path: at, message: 'lower-case letters, digits and dashes (e.g. cache-clear)' });
  }
  if ((BUILT_IN_OPERATIONS as readonly string[]).includes(name)) {
    issues.push({ path: at, message: `"${name}" is built in; configure it with the environment's executor` });
  }
  issues.push(...roleIssues(op.roles, [...at, 'roles'], known));
  if (!op.confirm && op.twoPerson) {
    issues.push({ path: [...at, 'twoPerson'], message: 'a two-person operation needs confirm: true' });
  }
  const envs = Object.keys(service.environments);
  (op.environments ?? []).forEach((env, i) => {
    if (!envs.includes(env))
      issues.push({ path: [...at, 'environments', i], message: `not one of ${envs.join(', ')}` });
  });
  const names = op.args.map((a) => a.name);
  op.args.forEach((arg, i) => {
    if (names.indexOf(arg.name) !== i)
      issues.push({ path: [...at, 'args', i, 'name'], message: 'duplicate argument name' });
    if (arg.name === 'service' || arg.name === 'environment') {
      issues.push({
        path: [...at, 'args', i, 'name'],
        message: `{${arg.name}} is the target's own; name the argument otherwise`,
      });
    }
    if (!arg.optional && op.args.slice(0, i).some((a) => a.optional)) {
      issues.push({ path: [...at, 'args', i], message: 'required arguments come before optional ones' });
    }
  });
  for (const used of placeholdersOf(op)) {
    if (!['service', 'environment', ...names].includes(used)) {
      issues.push({ path: [...at, 'executor'], message: `{${used}} is not an argument of this operation` });
    }
  }
  if (op.verify.kind === 'metric' && !known.metrics.includes(op.verify.metric)) {
    issues.push({
      path: [...at, 'verify', 'metric'],
      message: `unknown metric (known: ${known.metrics.join(', ') || 'none'})`,
    });
  }
  const executor = op.executor;
  if (executor.kind === 'kubernetes' || executor.kind === 'docker') {
    for (const env of op.environments ?? envs) {
      const own = service.environments[env]?.executor.kind;
      if (own && own !== executor.kind) {
        issues.push({
          path: [...at, 'executor'],
          message: `environment ${env} has a ${own} executor, not ${executor.kind}`,
        });
      }
    }
    if (executor.action === 'scale' && executor.replicas === undefined) {
      issues.push({
        path: [...at, 'executor', 'replicas'],
        message: 'scale needs replicas (a number or {argument})',
      });
    }
  }
  return issues;
}

/** `{name}` placeholders the operation's executor uses. */
export function placeholdersOf(op: OperationConfig): string[] {
  const e = op.executor;
  const texts =
    e.kind === 'command'
      ? [...(e.argv ?? []), ...(e.steps ?? []).flat()]
      : e.kind === 'http'
        ? [e.url, e.body ?? '']
        : typeof e.replicas === 'string'
          ? [e.replicas]
          : [];
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{([a-z][a-z0-9_]*)\}/g)].map((m) => m[1]!)))];
}

function roleIssues(
  roles: readonly string[] | undefined,
  at: (string | number)[],
  known: KnownNames,
): Issue[] {
  return (roles ?? []).flatMap((role, i) =>
    role !== '*' && !known.roles.includes(role)
      ? [{ path: [...at, i], message: `unknown role "${role}"` }]
      : [],
  );
}

function isRegex(text: string): boolean {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}
