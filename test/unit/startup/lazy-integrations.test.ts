import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LazyChartRenderer } from '../../../src/integrations/chartjs/lazy-chart-renderer.js';
import { LazyKubernetesExecutor } from '../../../src/integrations/kubernetes/lazy-kubernetes-executor.js';
import { ROOT } from '../../helpers/bot-process.js';

const options = { namespace: 'shop', deployment: 'api', rolloutTimeoutSeconds: 5, pollSeconds: 1 };
const RECORDER = join(ROOT, 'test/fixtures/startup/record-packages.mjs');

/** The npm packages loaded by importing the bot's entry modules, as a user's start would. */
function packagesLoadedAtStart(): Set<string> {
  const script = "await import('./src/app.ts'); await import('./src/build-services.ts');";
  const child = spawnSync(
    process.execPath,
    ['--import', RECORDER, '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(child.status, child.stderr).toBe(0);
  return new Set([...child.stderr.matchAll(/^package (\S+)$/gm)].map((m) => m[1]!));
}

describe('heavy integrations load on first use', () => {
  it('the start-up modules import none of Kubernetes, chart.js, the canvas, ioredis, pdjs, nor the Web API client (Slack modes load it)', () => {
    const loaded = packagesLoadedAtStart();
    expect(loaded.has('zod')).toBe(true); // the recorder works
    for (const heavy of [
      '@kubernetes/client-node',
      '@napi-rs/canvas',
      'chart.js',
      'ioredis',
      '@pagerduty/pdjs',
      '@slack/web-api',
    ])
      expect(loaded.has(heavy), heavy).toBe(false);
  }, 60_000);

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

  it('a failed load is tried again at the next use', async () => {
    let attempt = 0;
    const charts = new LazyChartRenderer(async () => {
      if (++attempt === 1) throw new Error('binding missing');
      return {
        ChartJsRenderer: class {
          render = async () => Buffer.from('png');
        },
      };
    });
    const chart = { title: 't', unit: '%', target: 1, points: [] };
    await expect(charts.render(chart)).rejects.toThrow('binding missing');
    expect(String(await charts.render(chart))).toBe('png');
  });
});
