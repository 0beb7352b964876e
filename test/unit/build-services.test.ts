import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bot-process.js';

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
});
