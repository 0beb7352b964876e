import type { Runbook } from './runbook-schema.js';

const BUILT_IN_OPERATIONS = new Set(['restart', 'rollback', 'scale']);

interface KnownNames {
  services: { name: string; aliases: string[] }[];
  metrics: { definitions: { name: string }[] };
  actions: { services: Record<string, { operations: Record<string, { args: { name: string }[] }> }> };
}

/** What a runbook names that the config does not have: a service, a KPI, an operation. */
export function runbookIssues(
  runbook: Runbook,
  config: KnownNames,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const serviceNames = new Set(config.services.flatMap((s) => [s.name, ...s.aliases]));
  const metrics = new Set(config.metrics.definitions.map((d) => d.name));
  const canonical = config.services.find(
    (s) => s.name === runbook.service || s.aliases.includes(runbook.service ?? ''),
  );
  if (runbook.service !== undefined && !serviceNames.has(runbook.service)) {
    issues.push({ path: ['service'], message: `unknown service "${runbook.service}"` });
  }
  runbook.steps.forEach((step, i) => {
    const metric =
      'gather' in step
        ? (step.gather.metric ?? step.gather.query?.metric)
        : 'watch' in step
          ? step.watch.metric
          : undefined;
    if (metric !== undefined && !metrics.has(metric)) {
      const kind = 'gather' in step ? 'gather' : 'watch';
      issues.push({
        path: ['steps', i, kind, ...('gather' in step && step.gather.query ? ['query'] : []), 'metric'],
        message: `unknown metric "${metric}" (metrics.definitions)`,
      });
    }
    if ('act' in step && canonical) {
      const operations = config.actions.services[canonical.name]?.operations ?? {};
      const op = step.act.operation;
      if (!BUILT_IN_OPERATIONS.has(op) && !(op in operations)) {
        issues.push({
          path: ['steps', i, 'act', 'operation'],
          message: `${canonical.name} has no operation "${op}"`,
        });
      }
      // A fixed argument the operation does not take (its value is checked when the step runs).
      const known = operations[op]?.args.map((a) => a.name);
      for (const name of Object.keys(step.act.args)) {
        if (known && !known.includes(name))
          issues.push({
            path: ['steps', i, 'act', 'args', name],
            message: `${op} has no argument "${name}"`,
          });
      }
    }
  });
  return issues;
}
