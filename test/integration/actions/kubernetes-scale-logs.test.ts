import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubernetesExecutor } from '../../../src/integrations/kubernetes/kubernetes-executor.js';
import { KubernetesLogSource } from '../../../src/integrations/kubernetes/kubernetes-logs.js';
import { FakeKubernetes } from '../../helpers/fake-kubernetes.js';

describe('kubernetes scale and logs (fake API server speaking the Kubernetes wire format)', () => {
  let kube: FakeKubernetes;
  let kubeconfig: string;
  const target = { namespace: 'unjucks-prod', deployment: 'unjucks-api' };

  beforeEach(async () => {
    kube = await FakeKubernetes.start();
    kubeconfig = await kube.writeKubeconfig(await mkdtemp(join(tmpdir(), 'bers-kube-')));
  });
  afterEach(() => kube.close());

  const executor = () =>
    new KubernetesExecutor({ ...target, kubeconfig, rolloutTimeoutSeconds: 5, pollSeconds: 0.01 });

  it('scales like `kubectl scale`: a merge patch of the scale subresource, then waits for the replicas', async () => {
    const result = await executor().scale(6, AbortSignal.timeout(10_000));
    expect(result).toMatchObject({
      ok: true,
      summary: 'deployment/unjucks-api scaled from 2 to 6 replicas; all available',
    });
    const patch = kube.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe('/apis/apps/v1/namespaces/unjucks-prod/deployments/unjucks-api/scale');
    expect(patch.contentType).toBe('application/merge-patch+json');
    expect(patch.body).toEqual({ spec: { replicas: 6 } });
    expect(kube.current.status).toMatchObject({ replicas: 6, availableReplicas: 6 });
    // Read before the patch, after it, then polled until the controller's status said done.
    const reads = kube.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith('/deployments/unjucks-api'),
    );
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(result.outputTail).toBe('6 of 6 replicas updated and available');
  });

  it('says so when the new replicas do not become available in time', async () => {
    kube.stuck = true;
    const slow = new KubernetesExecutor({
      ...target,
      kubeconfig,
      rolloutTimeoutSeconds: 1,
      pollSeconds: 0.05,
    });
    const result = await slow.scale(4, AbortSignal.timeout(10_000));
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(
      /^deployment\/unjucks-api scaled from 2 to 4 replicas, but the rollout did not finish: timed out after 1 s/,
    );
  });

  it("reads every pod's log with since, tail and timestamps, merged in time order", async () => {
    kube.podLogs.set(
      'unjucks-api-0',
      '2026-01-05T08:00:01.000000000Z GET /templates 200\n2026-01-05T08:00:04.000000000Z ERROR template render failed\n',
    );
    kube.podLogs.set('unjucks-api-1', '2026-01-05T08:00:02.500000000Z GET /health 200\n');
    const source = new KubernetesLogSource({ ...target, kubeconfig, maxPods: 10 });
    const lines = await source.read({ sinceSeconds: 900, tail: 100 });
    expect(lines).toEqual([
      '2026-01-05T08:00:01.000000000Z [unjucks-api-0] GET /templates 200',
      '2026-01-05T08:00:02.500000000Z [unjucks-api-1] GET /health 200',
      '2026-01-05T08:00:04.000000000Z [unjucks-api-0] ERROR template render failed',
    ]);
    const pods = kube.requests.find((r) => r.path.startsWith('/api/v1/namespaces/unjucks-prod/pods?'))!;
    expect(pods.path).toContain('labelSelector=app%3Dunjucks-api');
    const log = kube.requests.find((r) =>
      r.path.startsWith('/api/v1/namespaces/unjucks-prod/pods/unjucks-api-0/log'),
    )!;
    const query = new URL(log.path, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      container: 'unjucks-api',
      sinceSeconds: '900',
      tailLines: '100',
      timestamps: 'true',
    });
  });
});
