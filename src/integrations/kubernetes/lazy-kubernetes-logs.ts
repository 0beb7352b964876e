import type { LogQuery, LogSource } from '../../logs/log-source.js';
import type { KubernetesLogsOptions } from './kubernetes-logs.js';

/**
 * Pod logs with @kubernetes/client-node loaded at the first `/bers logs`, not at start (the same
 * reason as lazy-kubernetes-executor.ts).
 */
export class LazyKubernetesLogSource implements LogSource {
  private source?: Promise<LogSource>;

  constructor(private readonly options: KubernetesLogsOptions) {}

  describe(): string {
    return `kubernetes pods of deployment/${this.options.deployment} -n ${this.options.namespace}`;
  }

  async read(query: LogQuery, signal: AbortSignal): Promise<string[]> {
    // A failed load is not cached: the next attempt tries again.
    this.source ??= import('./kubernetes-logs.js')
      .then(({ KubernetesLogSource }) => new KubernetesLogSource(this.options))
      .catch((error: unknown) => {
        this.source = undefined;
        throw error;
      });
    return (await this.source).read(query, signal);
  }
}
