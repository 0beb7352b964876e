// biome-ignore lint/suspicious/noExplicitAny: Kubernetes objects are plain JSON here.
export type Obj = Record<string, any>;

export const REVISION = 'deployment.kubernetes.io/revision';

/** Kubernetes objects as the API server returns them, and the bits of controller behaviour the fake needs. */
export function template(app: string, image: string): Obj {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: app, image }] } };
}

export function rs(app: string, revision: string, image: string): Obj {
  const t = template(app, image);
  t.metadata.labels['pod-template-hash'] = `h${revision}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${app}-h${revision}`,
      labels: { app, 'pod-template-hash': `h${revision}` },
      annotations: { [REVISION]: revision },
      creationTimestamp: `2026-01-0${revision.length === 1 ? revision : 9}T10:00:00Z`,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: 'dep-uid-1', controller: true },
      ],
    },
    spec: { replicas: 0, template: t },
  };
}

export function owned(r: Obj): boolean {
  return r.metadata.ownerReferences.some((o: Obj) => o.uid === 'dep-uid-1');
}

export function sameTemplate(a: Obj, b: Obj): boolean {
  const strip = (t: Obj) => {
    const c = structuredClone(t);
    delete c.metadata?.labels?.['pod-template-hash'];
    return JSON.stringify(c);
  };
  return strip(a) === strip(b);
}

export function merge(target: Obj, patch: Obj): Obj {
  const out = structuredClone(target);
  for (const [k, v] of Object.entries(patch)) {
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object'
        ? merge(out[k], v)
        : v;
  }
  return out;
}
