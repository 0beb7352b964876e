/**
 * Console mode: from launch until the first command's reply is printed, on an existing data dir,
 * beside a bare Bolt app's start to listening in the same interleaved rounds (BENCH_ROUNDS):
 * `/bers help` (no checks: the start-up itself; target ≤ 2 s) and `/bers health` (the shipped
 * config's checks of the bot's own endpoints and of the host).
 *
 *   node --import tsx bench/startup-console.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { builtBotArgs, freePort, printTable, ROUNDS, timeLaunch } from './startup-runs.js';

const ROOT = join(import.meta.dirname, '..');
const NODE = process.execPath;

async function main(): Promise<void> {
  spawnSync(NODE, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const slack = await FakeSlack.start();
  const dataDir = join(await mkdtemp(join(tmpdir(), 'bers-console-bench-')), 'data');
  const consoleRun = async (line: string, reply: string) =>
    timeLaunch({
      command: [NODE, ...builtBotArgs(ROOT)],
      cwd: ROOT,
      env: { BERS_DATA_DIR: dataDir, PORT: String(await freePort()) },
      stdin: `${line}\n`,
      until: { stdout: reply },
    });
  const bare = async () => {
    const port = await freePort();
    return timeLaunch({
      command: [NODE, 'bench/bare-bolt-app.mjs'],
      cwd: ROOT,
      env: {
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: 'bench-signing-secret',
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        BARE_SAY: 'listening',
      },
      until: { stdout: 'listening' },
    });
  };
  await consoleRun('/bers help', 'bers-bot commands'); // creates the data dir
  const figures = { bare: [] as number[], help: [] as number[], health: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const runs: [keyof typeof figures, () => Promise<number>][] = [
      ['bare', bare],
      ['help', () => consoleRun('/bers help', 'bers-bot commands')],
      ['health', () => consoleRun('/bers health', 'checked in')],
    ];
    if (round % 2) runs.reverse();
    for (const [name, run] of runs) figures[name].push(await run());
  }
  await slack.close();
  const baseline = { name: 'bare Bolt app, start → listening', runs: figures.bare };
  printTable('console mode: launch → first reply printed (existing data dir)', [
    { figure: '`/bers help` answered', ours: figures.help, baseline, limitMs: 2000 },
    { figure: '`/bers health` answered (shipped config)', ours: figures.health, baseline },
  ]);
}

await main();
