import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { coreRoute, scaleOf } from './fake-kubernetes-core.js';
import { merge, type Obj, owned, REVISION, rs, sameTemplate, template } from './fake-kubernetes-objects.js';

export interface KubeRequest {
  method: string;
  path: string;
  contentType?: string;
  authorization?: string;
  body?: unknown;
}

/**
 * A fake Kubernetes API server for one namespace: deployments get/patch (strategic merge and JSON
 * patch, as the API server distinguishes them by Content-Type) and replicasets list with a label
 * selector. A template change creates (or re-revisions) a ReplicaSet like the deployment controller,
 * and each later GET advances the rollout one step, unless `stuck` is set. The deployment's pods
 * (one per replica), their logs and its scale subresource are in fake-kubernetes-core.ts.
 */
export class FakeKubernetes {
  readonly requests: KubeRequest[] = [];
  stuck = false;
  /** Each pod's log text (`<RFC3339 time> <line>` lines, as `timestamps=true` returns them), by pod name. */
  readonly podLogs = new Map<string, string>();
  private deployment: Obj;
  private replicaSets: Obj[] = [];
  private rolloutSteps = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly namespace: string,
    name: string,
  ) {
    this.deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, uid: 'dep-uid-1', generation: 3, annotations: { [REVISION]: '3' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: name } },
        template: template(name, 'unjucks:1.2.0'),
      },
      status: {
        observedGeneration: 3,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        readyReplicas: 2,
      },
    };
    this.addReplicaSet('1', 'unjucks:1.0.0');
    this.addReplicaSet('2', 'unjucks:1.1.0');
    this.addReplicaSet('3', 'unjucks:1.2.0');
    // Another deployment's ReplicaSet with the same labels must be ignored (ownerReferences).
    this.replicaSets.push({
      ...rs(name, '9', 'other:9'),
      metadata: {
        ...rs(name, '9', 'other:9').metadata,
        ownerReferences: [{ kind: 'Deployment', uid: 'someone-else' }],
      },
    });
  }

  static async start(namespace = 'unjucks-prod', name = 'unjucks-api'): Promise<FakeKubernetes> {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const fake = new FakeKubernetes(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      namespace,
      name,
    );
    server.on('request', (req, res) => {
      void fake.handle(req).then(({ status, body }) => {
        // Pod logs are plain text; everything else is a JSON object.
        const text = typeof body === 'string';
        res.writeHead(status, { 'content-type': text ? 'text/plain' : 'application/json' });
        res.end(text ? body : JSON.stringify(body));
      });
    });
    return fake;
  }

  /**
   * Writes a kubeconfig pointing at this server, with a bearer token, and returns its path.
   * client-node refuses plain http:// unless the cluster says insecure-skip-tls-verify (as a
   * `kubectl proxy` kubeconfig does).
   */
  async writeKubeconfig(dir: string): Promise<string> {
    const file = join(dir, 'kubeconfig.yaml');
    await writeFile(
      file,
      `apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: ${this.url}\n    insecure-skip-tls-verify: true\nusers:\n- name: bers\n  user:\n    token: fake-token\ncontexts:\n- name: fake\n  context:\n    cluster: fake\n    user: bers\ncurrent-context: fake\n`,
    );
    return file;
  }

  get current(): Obj {
    return structuredClone(this.deployment);
  }

  close(): void {
    this.server.closeAllConnections();
    this.server.close();
  }

  private addReplicaSet(revision: string, image: string): void {
    this.replicaSets.push(rs(this.deployment.metadata.name, revision, image));
  }

  /** `kubectl scale`: the controller sees the new count on the next GET, the pods are there on the one after. */
  scaleTo(replicas: number): Obj {
    this.deployment.spec.replicas = replicas;
    this.deployment.metadata.generation++;
    this.rolloutSteps = 2;
    this.scaling = replicas;
    return scaleOf(this.deployment);
  }

  private scaling: number | undefined;

  private async handle(req: IncomingMessage): Promise<{ status: number; body: Obj | string }> {
    let text = '';
    for await (const chunk of req) text += chunk;
    const url = new URL(req.url!, this.url);
    const body = text ? JSON.parse(text) : undefined;
    this.requests.push({
      method: req.method!,
      path: `${url.pathname}${url.search}`,
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
      body,
    });
    const core = coreRoute(this, req.method!, url, body);
    if (core) return core;
    const base = `/apis/apps/v1/namespaces/${this.namespace}`;
    if (url.pathname === `${base}/deployments/${this.deployment.metadata.name}`) {
      if (req.method === 'GET') {
        this.advance();
        return { status: 200, body: this.deployment };
      }
      if (req.method === 'PATCH') return this.patch(req.headers['content-type'] ?? '', body);
    }
    if (req.method === 'GET' && url.pathname === `${base}/replicasets`) {
      const selector = url.searchParams.get('labelSelector') ?? '';
      const wanted = selector
        .split(',')
        .filter(Boolean)
        .map((kv) => kv.split('='));
      const items = this.replicaSets.filter((r) => wanted.every(([k, v]) => r.metadata.labels[k!] === v));
      return {
        status: 200,
        body: { apiVersion: 'apps/v1', kind: 'ReplicaSetList', metadata: { resourceVersion: '1' }, items },
      };
    }
    return {
      status: 404,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: `${url.pathname} not found`,
        reason: 'NotFound',
        code: 404,
      },
    };
  }

  private patch(contentType: string, body: unknown): { status: number; body: Obj } {
    const before = JSON.stringify(this.deployment.spec.template);
    if (contentType.startsWith('application/strategic-merge-patch+json')) {
      this.deployment = merge(this.deployment, body as Obj);
    } else if (contentType.startsWith('application/json-patch+json')) {
      for (const op of body as Obj[]) {
        if (op.op !== 'replace' || op.path !== '/spec/template')
          return { status: 422, body: { kind: 'Status', message: `unsupported op ${op.path}`, code: 422 } };
        this.deployment.spec.template = op.value;
      }
    } else {
      return {
        status: 415,
        body: {
          kind: 'Status',
          status: 'Failure',
          message: `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml; got ${contentType}`,
          reason: 'UnsupportedMediaType',
          code: 415,
        },
      };
    }
    if (JSON.stringify(this.deployment.spec.template) !== before) this.newRevision();
    return { status: 200, body: this.deployment };
  }

  /** Like the deployment controller: reuse the ReplicaSet whose template matches, with the next revision number. */
  private newRevision(): void {
    const next = String(
      Math.max(...this.replicaSets.filter(owned).map((r) => Number(r.metadata.annotations[REVISION]))) + 1,
    );
    const same = this.replicaSets.find(
      (r) => owned(r) && sameTemplate(r.spec.template, this.deployment.spec.template),
    );
    if (same) same.metadata.annotations[REVISION] = next;
    else {
      const fresh = rs(this.deployment.metadata.name, next, '');
      fresh.spec.template = structuredClone(this.deployment.spec.template);
      fresh.spec.template.metadata.labels['pod-template-hash'] = `h${next}`;
      this.replicaSets.push(fresh);
    }
    this.deployment.metadata.generation++;
    this.deployment.metadata.annotations[REVISION] = next;
    this.deployment.status = {
      ...this.deployment.status,
      updatedReplicas: 0,
      availableReplicas: 2,
      replicas: 4,
    };
    this.rolloutSteps = 3;
  }

  private advance(): void {
    if (this.stuck || this.rolloutSteps === 0) return;
    const s = this.deployment.status;
    this.rolloutSteps--;
    if (this.scaling !== undefined) {
      const n = this.scaling;
      if (this.rolloutSteps === 1) {
        // Seen, not done: new pods are not up yet, surplus ones still terminating.
        s.observedGeneration = this.deployment.metadata.generation;
        s.updatedReplicas = Math.min(s.updatedReplicas, n);
        s.availableReplicas = Math.min(s.availableReplicas, n);
      } else {
        Object.assign(s, { replicas: n, updatedReplicas: n, availableReplicas: n, readyReplicas: n });
        this.scaling = undefined;
      }
      return;
    }
    if (this.rolloutSteps === 2) s.observedGeneration = this.deployment.metadata.generation;
    else if (this.rolloutSteps === 1)
      Object.assign(s, { updatedReplicas: 1, replicas: 3, availableReplicas: 2 });
    else Object.assign(s, { updatedReplicas: 2, replicas: 2, availableReplicas: 2, readyReplicas: 2 });
  }
}
