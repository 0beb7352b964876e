import {
  AppsV1Api as Apps,
  type AppsV1Api,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  type V1Deployment,
  type V1ReplicaSet,
} from '@kubernetes/client-node';
import type { ExecutionResult, Executor, RevisionInfo } from '../../actions/executor.js';
import { scaleDeployment } from './kubernetes-scale.js';
import { waitForRollout } from './rollout-status.js';

const REVISION = 'deployment.kubernetes.io/revision';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

export interface KubernetesExecutorOptions {
  namespace: string;
  deployment: string;
  /** A kubeconfig file; without it, the in-cluster service account. */
  kubeconfig?: string;
  context?: string;
  rolloutTimeoutSeconds: number;
  pollSeconds: number;
  now?: () => Date;
}

/** `kubectl rollout restart|undo|history` and `kubectl scale` for one deployment, through the Kubernetes API. */
export class KubernetesExecutor implements Executor {
  private readonly description: string;
  private readonly api: AppsV1Api;
  private readonly now: () => Date;

  constructor(private readonly options: KubernetesExecutorOptions) {
    this.description = `kubernetes deployment/${options.deployment} -n ${options.namespace}`;
    const kc = new KubeConfig();
    if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
    else kc.loadFromCluster();
    if (options.context) kc.setCurrentContext(options.context);
    this.api = kc.makeApiClient(Apps);
    this.now = options.now ?? (() => new Date());
  }

  describe(): string {
    return this.description;
  }

  scale(replicas: number, signal: AbortSignal): Promise<ExecutionResult> {
    return scaleDeployment(this.api, () => this.readDeployment(), this.options, replicas, signal);
  }

  supports(): boolean {
    return true;
  }

  /** The same strategic-merge patch `kubectl rollout restart` sends: a new pod-template annotation. */
  async restart(signal: AbortSignal): Promise<ExecutionResult> {
    const body = {
      spec: { template: { metadata: { annotations: { [RESTARTED_AT]: this.now().toISOString() } } } },
    };
    const patched = await this.api.patchNamespacedDeployment(
      { name: this.options.deployment, namespace: this.options.namespace, body },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    return this.finish(patched, 'restarted', signal);
  }

  /** What `kubectl rollout undo` does: the target ReplicaSet's pod template, put back as a JSON patch. */
  async rollback(revision: string | undefined, signal: AbortSignal): Promise<ExecutionResult> {
    const deployment = await this.readDeployment();
    if (deployment.spec?.paused) {
      return {
        ok: false,
        summary: 'the deployment is paused; resume it before rolling back',
        outputTail: '',
      };
    }
    const current = deployment.metadata?.annotations?.[REVISION];
    const sets = await this.ownedReplicaSets(deployment);
    const target = revision
      ? sets.find((rs) => revisionOf(rs) === revision)
      : sets.filter((rs) => revisionOf(rs) !== current).sort(byRevisionDesc)[0];
    if (!target) {
      const known = sets.map(revisionOf).filter(Boolean).join(', ') || 'none';
      return {
        ok: false,
        summary: revision
          ? `revision ${revision} not found (known: ${known})`
          : 'no previous revision to roll back to',
        outputTail: '',
      };
    }
    if (revisionOf(target) === current) {
      return {
        ok: true,
        summary: `already at revision ${current}; nothing to do`,
        outputTail: '',
        revision: current,
      };
    }
    const template = structuredClone(target.spec!.template!);
    delete template.metadata?.labels?.['pod-template-hash'];
    const patched = await this.api.patchNamespacedDeployment(
      {
        name: this.options.deployment,
        namespace: this.options.namespace,
        body: [{ op: 'replace', path: '/spec/template', value: template }],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    const result = await this.finish(patched, `rolled back to revision ${revisionOf(target)}`, signal);
    return { ...result, revision: revisionOf(target) };
  }

  async history(): Promise<RevisionInfo[]> {
    const deployment = await this.readDeployment();
    const current = deployment.metadata?.annotations?.[REVISION];
    const sets = (await this.ownedReplicaSets(deployment)).sort(byRevisionDesc);
    return sets.map((rs) => ({
      revision: revisionOf(rs) ?? '?',
      current: revisionOf(rs) === current,
      createdAt: rs.metadata?.creationTimestamp ? new Date(rs.metadata.creationTimestamp) : undefined,
      detail: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image).join(', '),
    }));
  }

  private readDeployment(): Promise<V1Deployment> {
    return this.api.readNamespacedDeployment({
      name: this.options.deployment,
      namespace: this.options.namespace,
    });
  }

  /** ReplicaSets matching the deployment's selector and owned by it (as kubectl filters them). */
  private async ownedReplicaSets(deployment: V1Deployment): Promise<V1ReplicaSet[]> {
    const labels = deployment.spec?.selector?.matchLabels ?? {};
    const list = await this.api.listNamespacedReplicaSet({
      namespace: this.options.namespace,
      labelSelector: Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    });
    const uid = deployment.metadata?.uid;
    return list.items.filter((rs) =>
      rs.metadata?.ownerReferences?.some((o) => o.uid === uid && o.kind === 'Deployment'),
    );
  }

  private async finish(patched: V1Deployment, what: string, signal: AbortSignal): Promise<ExecutionResult> {
    const status = await waitForRollout(() => this.readDeployment(), patched.metadata?.generation ?? 0, {
      timeoutMs: this.options.rolloutTimeoutSeconds * 1000,
      pollMs: this.options.pollSeconds * 1000,
      signal,
    });
    return {
      ok: status.done,
      summary: status.done
        ? `deployment/${this.options.deployment} ${what}; rollout complete`
        : `deployment/${this.options.deployment} ${what}, but the rollout did not finish: ${status.message}`,
      outputTail: status.log.join('\n'),
    };
  }
}

function revisionOf(rs: V1ReplicaSet): string | undefined {
  return rs.metadata?.annotations?.[REVISION];
}

function byRevisionDesc(a: V1ReplicaSet, b: V1ReplicaSet): number {
  return Number(revisionOf(b) ?? 0) - Number(revisionOf(a) ?? 0);
}
