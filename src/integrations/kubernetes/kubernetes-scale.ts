import { type AppsV1Api, PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node';
import type { ExecutionResult } from '../../actions/executor.js';
import { waitForRollout } from './rollout-status.js';

export interface ScaleTarget {
  namespace: string;
  deployment: string;
  rolloutTimeoutSeconds: number;
  pollSeconds: number;
}

/**
 * `kubectl scale deployment/x --replicas=N`: a merge patch of the deployment's scale subresource,
 * then the same wait as `kubectl rollout status` until every replica is available.
 */
export async function scaleDeployment(
  api: AppsV1Api,
  read: () => Promise<V1Deployment>,
  target: ScaleTarget,
  replicas: number,
  signal: AbortSignal,
): Promise<ExecutionResult> {
  const from = (await read()).spec?.replicas ?? 1;
  const name = `deployment/${target.deployment}`;
  await api.patchNamespacedDeploymentScale(
    { name: target.deployment, namespace: target.namespace, body: { spec: { replicas } } },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
  const generation = (await read()).metadata?.generation ?? 0;
  const status = await waitForRollout(read, generation, {
    timeoutMs: target.rolloutTimeoutSeconds * 1000,
    pollMs: target.pollSeconds * 1000,
    signal,
  });
  const what = `${name} scaled from ${from} to ${replicas} replicas`;
  return {
    ok: status.done,
    summary: status.done
      ? `${what}; all available`
      : `${what}, but the rollout did not finish: ${status.message}`,
    outputTail: status.log.join('\n'),
  };
}
