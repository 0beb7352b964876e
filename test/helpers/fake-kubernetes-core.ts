import type { Obj } from './fake-kubernetes-objects.js';

/** What the core routes need of the fake: its namespace, deployment and pod logs. */
interface FakeCluster {
  readonly namespace: string;
  readonly current: Obj;
  readonly podLogs: Map<string, string>;
  scaleTo(replicas: number): Obj;
}

/** The autoscaling/v1 Scale the API server returns for a deployment's scale subresource. */
export function scaleOf(deployment: Obj): Obj {
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: deployment.metadata.name, namespace: deployment.metadata.namespace },
    spec: { replicas: deployment.spec.replicas },
    status: { replicas: deployment.status.replicas, selector: `app=${deployment.metadata.name}` },
  };
}

/** One pod per replica, named `<deployment>-<n>`, running one container named like the deployment. */
function podsOf(deployment: Obj): Obj[] {
  const app = deployment.metadata.name;
  return Array.from({ length: deployment.spec.replicas }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${app}-${i}`, namespace: deployment.metadata.namespace, labels: { app } },
    spec: { containers: [{ name: app, image: 'unjucks:1.2.0' }] },
    status: { phase: 'Running' },
  }));
}

/**
 * Pods (list by label selector), pod logs (`tailLines`; `sinceSeconds` is ignored: the test sets
 * the text, none for a pod it did not set) and the deployment's scale subresource (GET, and PATCH as a merge patch). Undefined for
 * any other path.
 */
export function coreRoute(
  fake: FakeCluster,
  method: string,
  url: URL,
  body: unknown,
): { status: number; body: Obj | string } | undefined {
  const deployment = fake.current;
  const name = deployment.metadata.name;
  if (url.pathname === `/apis/apps/v1/namespaces/${fake.namespace}/deployments/${name}/scale`) {
    if (method === 'GET') return { status: 200, body: scaleOf(deployment) };
    const replicas = (body as Obj | undefined)?.spec?.replicas;
    if (method !== 'PATCH' || !Number.isInteger(replicas))
      return { status: 422, body: { kind: 'Status', code: 422 } };
    return { status: 200, body: fake.scaleTo(replicas) };
  }
  const podsPath = `/api/v1/namespaces/${fake.namespace}/pods`;
  if (method === 'GET' && url.pathname === podsPath) {
    const [key, value] = (url.searchParams.get('labelSelector') ?? '').split('=');
    const items = podsOf(deployment).filter((p) => !key || p.metadata.labels[key] === value);
    return { status: 200, body: { apiVersion: 'v1', kind: 'PodList', metadata: {}, items } };
  }
  const log = new RegExp(`^${podsPath}/([^/]+)/log$`).exec(url.pathname);
  if (method === 'GET' && log) {
    if (!podsOf(deployment).some((p) => p.metadata.name === log[1])) {
      return { status: 404, body: { kind: 'Status', code: 404, message: `pods "${log[1]}" not found` } };
    }
    const text = fake.podLogs.get(log[1]!) ?? '';
    const tail = Number(url.searchParams.get('tailLines') ?? 0);
    const lines = text.split('\n').filter(Boolean);
    return { status: 200, body: `${(tail > 0 ? lines.slice(-tail) : lines).join('\n')}\n` };
  }
  return undefined;
}
