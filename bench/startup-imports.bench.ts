/**
 * What each heavy dependency costs to import, each in a fresh `node` process (median of
 * BENCH_ROUNDS interleaved rounds), beside what the bot's whole start-up graph costs and node's own
 * start. The integrations marked "on first use" are imported when first needed, not at start
 * (src/integrations/*\/lazy-*.ts, and the Redis and PagerDuty clients).
 *
 *   node --import tsx bench/startup-imports.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ESBUILD, esbuildArgs } from '../scripts/bundle-options.mjs';
import { printTable, ROUNDS, type Row } from './startup-runs.js';

const ROOT = join(import.meta.dirname, '..');
// The bot's own modules, bundled as the build bundles them (scripts/bundle-options.mjs): here
// without main.ts, so importing the start-up graph does not start the bot.
const BUNDLED = 'dist/bench-imports';

const MODULES: [label: string, specifier: string, when: string][] = [
  ["the bot's start-up graph (src/app.ts, bundled)", `./${BUNDLED}/app.js`, 'at start'],
  ['@kubernetes/client-node', '@kubernetes/client-node', 'on first use'],
  [
    'chart.js + @napi-rs/canvas (the chart renderer, bundled)',
    `./${BUNDLED}/chart-renderer.js`,
    'on first use',
  ],
  ['ioredis', 'ioredis', 'on first use'],
  ['@pagerduty/pdjs', '@pagerduty/pdjs', 'on first use'],
  ['@slack/bolt', '@slack/bolt', 'at start, ingress thread'],
  ['@electric-sql/pglite', '@electric-sql/pglite', 'at start'],
  ['pg', 'pg', 'at start (store, postgres checks)'],
  ['zod', 'zod', 'at start'],
  ['undici', 'undici', 'at start'],
  ['handlebars', 'handlebars', 'at start'],
];

/** Milliseconds `import(specifier)` takes in a fresh process, measured inside it. */
function importMs(specifier: string): number {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`${specifier}: ${child.stderr}`);
  return Number(child.stdout);
}

/** Milliseconds from spawn to exit of `node -e ''`: the floor every process pays. */
function nodeItselfMs(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '']);
  return performance.now() - started;
}

const entries = ['src/app.ts', 'src/integrations/chartjs/chart-renderer.ts'];
spawnSync(ESBUILD, esbuildArgs(BUNDLED, entries), { cwd: ROOT, stdio: 'inherit' });
const runs = new Map<string, number[]>(MODULES.map(([, s]) => [s, []]));
const floor: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  floor.push(nodeItselfMs());
  const order = round % 2 ? [...MODULES].reverse() : MODULES;
  for (const [, specifier] of order) runs.get(specifier)!.push(importMs(specifier));
}
const baseline = { name: 'node starting (node -e "")', runs: floor };
const rows: Row[] = MODULES.map(([label, specifier, when]) => ({
  figure: `import ${label} — ${when}`,
  ours: runs.get(specifier)!,
  baseline,
}));
printTable('import cost of each heavy module, fresh process each', rows);
