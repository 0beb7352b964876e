import { accessSync, constants } from 'node:fs';
import type { ActionKind } from '../../actions/action-request.js';
import type { ExecutionResult, Executor, RevisionInfo } from '../../actions/executor.js';
import type { KubernetesExecutorOptions } from './kubernetes-executor.js';

type Load = () => Promise<{ KubernetesExecutor: new (options: KubernetesExecutorOptions) => Executor }>;

/**
 * The Kubernetes executor, with @kubernetes/client-node (about 800 modules, 0.3–1.4 s to import)
 * loaded at the first restart, rollback or history instead of at start. A kubeconfig that cannot be
 * read is still refused when the executor is built, as the eager one did, so the user hears about
 * it before confirming rather than after.
 */
export class LazyKubernetesExecutor implements Executor {
  private executor?: Promise<Executor>;

  constructor(
    private readonly options: KubernetesExecutorOptions,
    private readonly load: Load = () => import('./kubernetes-executor.js'),
  ) {
    if (options.kubeconfig) accessSync(options.kubeconfig, constants.R_OK);
  }

  describe(): string {
    return `kubernetes deployment/${this.options.deployment} -n ${this.options.namespace}`;
  }

  supports(_kind: ActionKind): boolean {
    return true;
  }

  async restart(signal: AbortSignal): Promise<ExecutionResult> {
    return (await this.real()).restart(signal);
  }

  async rollback(revision: string | undefined, signal: AbortSignal): Promise<ExecutionResult> {
    return (await this.real()).rollback(revision, signal);
  }

  async scale(replicas: number, signal: AbortSignal): Promise<ExecutionResult> {
    const executor = await this.real();
    if (!executor.scale) throw new Error('this Kubernetes executor cannot scale');
    return executor.scale(replicas, signal);
  }

  async history(signal: AbortSignal): Promise<RevisionInfo[]> {
    const executor = await this.real();
    return executor.history ? executor.history(signal) : [];
  }

  private real(): Promise<Executor> {
    // A failed load is not cached: the next attempt (after the operator fixed it) tries again.
    this.executor ??= this.load()
      .then(({ KubernetesExecutor }) => new KubernetesExecutor(this.options))
      .catch((error: unknown) => {
        this.executor = undefined;
        throw error;
      });
    return this.executor;
  }
}
