import type { EnvironmentActionsConfig } from '../config/actions-schema.js';
import { type LogsConfig, logsSchema } from '../config/logs-schema.js';
import { DockerLogSource } from '../integrations/docker/docker-logs.js';
import { LazyKubernetesLogSource } from '../integrations/kubernetes/lazy-kubernetes-logs.js';
import { LokiLogSource } from '../integrations/loki/loki-log-source.js';
import { CommandLogSource } from '../logs/command-log-source.js';
import type { LogSource } from '../logs/log-source.js';

/**
 * The one place a logs config becomes its source (pods, containers, Loki, a program); exhaustive
 * over the kinds; with the wiring because the kinds are adapters (integrations/). Without one, a
 * kubernetes or docker executor's pods / containers are read; otherwise there are no logs.
 */
export function createLogSource(
  settings: EnvironmentActionsConfig,
  processEnv?: Readonly<Record<string, string | undefined>>,
): LogSource | undefined {
  const executor = settings.executor;
  const logs: LogsConfig | undefined =
    settings.logs ??
    // The schema's own defaults (maxPods…), as if `logs: { kind: <executor kind> }` were written.
    (executor.kind === 'kubernetes' || executor.kind === 'docker'
      ? logsSchema.parse({ kind: executor.kind })
      : undefined);
  if (!logs) return undefined;
  switch (logs.kind) {
    case 'kubernetes':
      if (executor.kind !== 'kubernetes') return undefined;
      return new LazyKubernetesLogSource({ ...executor, container: logs.container, maxPods: logs.maxPods });
    case 'docker':
      return executor.kind === 'docker' ? new DockerLogSource(executor) : undefined;
    case 'loki':
      return new LokiLogSource(logs);
    case 'command':
      return new CommandLogSource(logs, processEnv);
  }
}
