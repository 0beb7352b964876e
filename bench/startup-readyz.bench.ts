/**
 * Start-up to `GET /readyz` 200, in HTTP mode against a local fake Slack (auth.test), beside a bare
 * Bolt app's start to listening, in the same interleaved rounds (BENCH_ROUNDS, default 7):
 *   - warm start on an existing data dir (`node dist/main.js`): target ≤ 1.5 s;
 *   - first start on a new data dir (PGlite's initdb; issue 16 owns that part): target ≤ 3 s;
 *   - `npm start` when nothing needs installing or compiling (the prestart checks' cost);
 *   - the PostgreSQL store, when BENCH_DATABASE_URL is set;
 *   - with BENCH_BEFORE=<another checkout, built>, its warm and first starts in the same rounds.
 *
 *   node --import tsx bench/startup-readyz.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { builtBotArgs, freePort, printTable, ROUNDS, type Row, timeLaunch } from './startup-runs.js';

const ROOT = join(import.meta.dirname, '..');
const NODE = process.execPath;

async function main(): Promise<void> {
  // The bot runs compiled, as in production; build first if the sources changed.
  spawnSync(NODE, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const slack = await FakeSlack.start();
  const base = await mkdtemp(join(tmpdir(), 'bers-startup-'));
  const warmDir = join(base, 'warm');
  const slackEnv = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'warn',
  };
  const launch = async (command: string[], env: Record<string, string> = {}, cwd = ROOT) => {
    const port = await freePort();
    return timeLaunch({
      command,
      cwd,
      env: { ...slackEnv, PORT: String(port), ...env },
      until: { http: '/readyz', port },
    });
  };
  const bot = (env: Record<string, string>) => launch([NODE, ...builtBotArgs(ROOT)], env);
  const before = process.env.BENCH_BEFORE;
  const beforeBot = (env: Record<string, string>) => launch([NODE, ...builtBotArgs(before!)], env, before);
  const figures = {
    bare: [] as number[],
    warm: [] as number[],
    fresh: [] as number[],
    npm: [] as number[],
    postgres: [] as number[],
    beforeWarm: [] as number[],
    beforeFresh: [] as number[],
  };
  await bot({ BERS_DATA_DIR: warmDir }); // creates the data dir the warm runs reopen
  const beforeWarmDir = join(base, 'before-warm');
  if (before) await beforeBot({ BERS_DATA_DIR: beforeWarmDir });
  const postgres = process.env.BENCH_DATABASE_URL;
  for (let round = 0; round < ROUNDS; round++) {
    const runs: [keyof typeof figures, () => Promise<number>][] = [
      ['bare', () => launch([NODE, 'bench/bare-bolt-app.mjs'])],
      ['warm', () => bot({ BERS_DATA_DIR: warmDir })],
      ['fresh', () => bot({ BERS_DATA_DIR: join(base, `new-${round}`) })],
      ['npm', () => launch(['npm', 'start', '--silent'], { BERS_DATA_DIR: warmDir })],
    ];
    if (postgres) runs.push(['postgres', () => bot({ DATABASE_URL: postgres })]);
    if (before) {
      runs.push(['beforeWarm', () => beforeBot({ BERS_DATA_DIR: beforeWarmDir })]);
      runs.push(['beforeFresh', () => beforeBot({ BERS_DATA_DIR: join(base, `before-new-${round}`) })]);
    }
    // Alternate the order, so a change in the machine's load weighs on every figure alike.
    if (round % 2) runs.reverse();
    for (const [name, run] of runs) figures[name].push(await run());
  }
  await slack.close();
  const baseline = { name: 'bare Bolt app, start → listening', runs: figures.bare };
  const rows: Row[] = [
    {
      figure: 'warm start → /readyz 200 (existing data dir)',
      ours: figures.warm,
      baseline,
      limitMs: 1500,
    },
    { figure: 'first start → /readyz 200 (new data dir)', ours: figures.fresh, baseline, limitMs: 3000 },
    { figure: '`npm start` → /readyz 200 (nothing to install or build)', ours: figures.npm, baseline },
  ];
  if (postgres) {
    rows.push({
      figure: 'warm start → /readyz 200 (PostgreSQL)',
      ours: figures.postgres,
      baseline,
      limitMs: 1500,
    });
  }
  if (before) {
    rows.push(
      {
        figure: `warm start → /readyz 200, ${before}`,
        ours: figures.beforeWarm,
        baseline,
        limitMs: 1500,
      },
      {
        figure: `first start → /readyz 200, ${before}`,
        ours: figures.beforeFresh,
        baseline,
        limitMs: 3000,
      },
    );
  }
  printTable('start-up to /readyz 200, HTTP mode, shipped bers.config.yaml', rows);
}

await main();
