import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { type LogQuery, type LogSource, mergeByTime } from '../../logs/log-source.js';

export interface KubernetesLogsOptions {
  namespace: string;
  deployment: string;
  kubeconfig?: string;
  context?: string;
  /** The container to read in multi-container pods; default: each pod's first. */
  container?: string;
  maxPods: number;
}

/** `kubectl logs deployment/x --since=1h --tail=100 --timestamps`, across all of the deployment's pods. */
export class KubernetesLogSource implements LogSource {
  private readonly apps: AppsV1Api;
  private readonly core: CoreV1Api;

  constructor(private readonly options: KubernetesLogsOptions) {
    const kc = new KubeConfig();
    if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
    else kc.loadFromCluster();
    if (options.context) kc.setCurrentContext(options.context);
    this.apps = kc.makeApiClient(AppsV1Api);
    this.core = kc.makeApiClient(CoreV1Api);
  }

  describe(): string {
    return `kubernetes pods of deployment/${this.options.deployment} -n ${this.options.namespace}`;
  }

  async read(query: LogQuery): Promise<string[]> {
    const { namespace } = this.options;
    const pods = (
      await this.core.listNamespacedPod({ namespace, labelSelector: await this.selector() })
    ).items
      .map((p) => ({
        name: p.metadata?.name ?? '?',
        container: this.options.container ?? p.spec?.containers[0]?.name,
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, this.options.maxPods);
    const byPod = await Promise.all(
      pods.map(async (pod) => {
        const text = await this.core.readNamespacedPodLog({
          name: pod.name,
          namespace,
          container: pod.container,
          sinceSeconds: query.sinceSeconds,
          tailLines: query.tail,
          timestamps: true,
        });
        return { origin: pod.name, lines: text.split('\n').filter((l) => l !== '') };
      }),
    );
    return mergeByTime(byPod);
  }

  /** The deployment's own label selector picks its pods, as `kubectl logs deployment/x` does. */
  private async selector(): Promise<string> {
    const deployment = await this.apps.readNamespacedDeployment({
      name: this.options.deployment,
      namespace: this.options.namespace,
    });
    return Object.entries(deployment.spec?.selector?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
}
