import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LazyKubernetesExecutor } from '../../../../src/integrations/kubernetes/lazy-kubernetes-executor.js';

const options = { namespace: 'shop', deployment: 'api', rolloutTimeoutSeconds: 5, pollSeconds: 1 };

describe('heavy integrations load on first use', () => {
  it('the Kubernetes executor describes itself without its library, and loads it once', async () => {
    let loads = 0;
    const executor = new LazyKubernetesExecutor(options, async () => {
      loads++;
      return {
        KubernetesExecutor: class {
          describe = () => 'real';
          supports = () => true;
          restart = async () => ({ ok: true, summary: 'restarted', outputTail: '' });
          rollback = async () => ({ ok: true, summary: 'rolled back', outputTail: '' });
        },
      };
    });
    expect(executor.describe()).toBe('kubernetes deployment/api -n shop');
    expect(loads).toBe(0);
    const signal = new AbortController().signal;
    expect((await executor.restart(signal)).summary).toBe('restarted');
    expect((await executor.rollback(undefined, signal)).summary).toBe('rolled back');
    expect(await executor.history(signal)).toEqual([]);
    expect(loads).toBe(1);
  });

  it('a kubeconfig that cannot be read is refused when the executor is built, as before', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'bers-kube-')), 'nope');
    expect(() => new LazyKubernetesExecutor({ ...options, kubeconfig: missing })).toThrow(/ENOENT/);
    writeFileSync(missing, 'apiVersion: v1\n');
    expect(() => new LazyKubernetesExecutor({ ...options, kubeconfig: missing })).not.toThrow();
  });
});
