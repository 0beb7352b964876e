import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubernetesExecutor } from '../../../src/integrations/kubernetes/kubernetes-executor.js';
import { FakeKubernetes } from '../../helpers/fake-kubernetes.js';

describe('kubernetes executor (fake API server speaking the Kubernetes wire format)', () => {
  let kube: FakeKubernetes;
  let executor: KubernetesExecutor;
  const signal = () => new AbortController().signal;

  beforeEach(async () => {
    kube = await FakeKubernetes.start();
    const kubeconfig = await kube.writeKubeconfig(await mkdtemp(join(tmpdir(), 'bers-kube-')));
    executor = new KubernetesExecutor({
      namespace: 'unjucks-prod',
      deployment: 'unjucks-api',
      kubeconfig,
      rolloutTimeoutSeconds: 5,
      pollSeconds: 0.01,
      now: () => new Date('2026-01-05T08:00:00Z'),
    });
  });
  afterEach(() => kube.close());

  it('restarts like `kubectl rollout restart`: a strategic-merge patch of the template annotation, then waits for the rollout', async () => {
    const result = await executor.restart(signal());
    expect(result).toMatchObject({ ok: true, summary: 'deployment/unjucks-api restarted; rollout complete' });
    const patch = kube.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe('/apis/apps/v1/namespaces/unjucks-prod/deployments/unjucks-api');
    expect(patch.contentType).toBe('application/strategic-merge-patch+json');
    expect(patch.authorization).toBe('Bearer fake-token');
    expect(patch.body).toEqual({
      spec: {
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-05T08:00:00.000Z' } },
        },
      },
    });
    expect(result.outputTail).toContain('2 of 2 replicas updated and available');
    expect(kube.current.metadata.annotations['deployment.kubernetes.io/revision']).toBe('4');
  });

  it('rolls back like `kubectl rollout undo`: the previous ReplicaSet template, without pod-template-hash, as a JSON patch', async () => {
    const result = await executor.rollback(undefined, signal());
    expect(result).toMatchObject({ ok: true, revision: '2' });
    const list = kube.requests.find((r) => r.path.includes('/replicasets'))!;
    expect(list.path).toBe(
      '/apis/apps/v1/namespaces/unjucks-prod/replicasets?labelSelector=app%3Dunjucks-api',
    );
    const patch = kube.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.contentType).toBe('application/json-patch+json');
    expect(patch.body).toEqual([
      {
        op: 'replace',
        path: '/spec/template',
        value: {
          metadata: { labels: { app: 'unjucks-api' } },
          spec: { containers: [{ name: 'unjucks-api', image: 'unjucks:1.1.0' }] },
        },
      },
    ]);
    expect(kube.current.spec.template.spec.containers[0].image).toBe('unjucks:1.1.0');
  });

  it('rolls back to a named revision, and refuses an unknown one listing the known', async () => {
    expect(await executor.rollback('1', signal())).toMatchObject({ ok: true, revision: '1' });
    expect(kube.current.spec.template.spec.containers[0].image).toBe('unjucks:1.0.0');
    const missing = await executor.rollback('77', signal());
    expect(missing.ok).toBe(false);
    expect(missing.summary).toMatch(/^revision 77 not found \(known: /);
    expect(missing.summary).not.toContain('9');
  });

  it('lists the history newest first, marking the current revision, ignoring foreign ReplicaSets', async () => {
    const history = await executor.history();
    expect(history.map((h) => [h.revision, h.current, h.detail])).toEqual([
      ['3', true, 'unjucks:1.2.0'],
      ['2', false, 'unjucks:1.1.0'],
      ['1', false, 'unjucks:1.0.0'],
    ]);
  });

  it('reports a rollout that does not finish within its timeout', async () => {
    kube.stuck = true;
    const stuck = new KubernetesExecutor({
      namespace: 'unjucks-prod',
      deployment: 'unjucks-api',
      kubeconfig: await kube.writeKubeconfig(await mkdtemp(join(tmpdir(), 'bers-kube-'))),
      rolloutTimeoutSeconds: 1,
      pollSeconds: 0.05,
    });
    const result = await stuck.restart(signal());
    expect(result.ok).toBe(false);
    expect(result.summary).toContain('the rollout did not finish: timed out after 1 s');
  });
});
