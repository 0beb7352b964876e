/**
 * Resident memory (RSS, from /proc) of the compiled bot in HTTP mode, idle after start and again
 * after 10,000 signed `/bers help` commands (each acked, audited and answered on response_url),
 * beside a bare Bolt app that acks the same commands (bench/bare-bolt-app.mjs), in the same run:
 *   - the embedded store on a new data dir (target ≤ 150 MiB idle);
 *   - PostgreSQL, when TEST_DATABASE_URL or BENCH_DATABASE_URL is set (target ≤ 100 MiB idle).
 * RSS after the commands is read twice: 3 s after the last reply, and settled, 20 s after it, once
 * V8's memory reducer (which starts 8 s after a busy heap's last full collection) has handed the
 * burst's heap back. Both apps get the same waits.
 * Memory moves little with the machine's load, so each app runs once (BENCH_COMMANDS to change).
 * BENCH_BEFORE=<another checkout, built> adds its embedded-store rows, measured in the same run.
 * MALLOC_ARENA_MAX, when set, is passed on to the bots (glibc's malloc arenas, one per thread).
 *
 *   node --import tsx bench/memory.bench.ts
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { START_UP_COLLECTION_DELAY_MS } from '../src/core/full-collection.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { slashCommandBody } from '../test/helpers/http-bot.js';
import { signedHeaders } from '../test/helpers/slack-signing.js';
import { printSummary } from './bench-summary.js';
import { builtBotArgs, freePort } from './startup-runs.js';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'bench-signing-secret';
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10_000);
const CONCURRENCY = 16;
// Idle is read after the bot's own start-up collection has run (src/core/full-collection.ts).
const SETTLE_MS = START_UP_COLLECTION_DELAY_MS + 1000;
const SETTLED_AFTER_MS = 20_000;

const mib = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilReady(child: ChildProcess, port: number): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await sleep(20)) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before it was ready`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
  }
  throw new Error('not ready in 60 s');
}

/** Sends `count` signed slash commands, CONCURRENCY at a time; returns how many were acked 200. */
async function sendCommands(port: number, slack: FakeSlack, count: number): Promise<number> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY });
  let next = 0;
  let acked = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const body = slashCommandBody('help', slack.responseUrl(randomBytes(6).toString('hex')));
      const { statusCode, body: response } = await pool.request({
        path: '/slack/events',
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(SECRET, body) },
      });
      await response.dump();
      if (statusCode === 200) acked++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await pool.close();
  return acked;
}

interface Measured {
  idle: number;
  loaded: number;
  settled: number;
  acked: number;
  replies: number;
}

async function measure(
  args: string[],
  env: Record<string, string>,
  slack: FakeSlack,
  cwd = ROOT,
): Promise<Measured> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await untilReady(child, port);
    await sleep(SETTLE_MS);
    const idle = mib(child.pid!);
    const repliesBefore = slack.responses.length;
    const acked = await sendCommands(port, slack, COMMANDS);
    // Replies go out after the acks; let them land (the bare app sends none).
    for (let waited = 0; waited < 30_000 && slack.responses.length - repliesBefore < acked; waited += 100)
      await sleep(100);
    const replies = slack.responses.length - repliesBefore;
    await sleep(SETTLE_MS);
    const loaded = mib(child.pid!);
    await sleep(SETTLED_AFTER_MS - SETTLE_MS);
    return { idle, loaded, settled: mib(child.pid!), acked, replies };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve),
    );
  }
}

async function main(): Promise<void> {
  spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const slack = await FakeSlack.start();
  const base = await mkdtemp(join(tmpdir(), 'bers-memory-'));
  const bare = await measure(['bench/bare-bolt-app.mjs'], {}, slack);
  const runs: [string, Measured, number][] = [
    ['embedded store', await measure(builtBotArgs(ROOT), { BERS_DATA_DIR: join(base, 'data') }, slack), 150],
  ];
  const before = process.env.BENCH_BEFORE;
  if (before) {
    const env = { BERS_DATA_DIR: join(base, 'before-data') };
    runs.push([`embedded store, ${before}`, await measure(builtBotArgs(before), env, slack, before), 150]);
  }
  const postgres = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (postgres)
    runs.push(['PostgreSQL', await measure(builtBotArgs(ROOT), { DATABASE_URL: postgres }, slack), 100]);
  await slack.close();
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const round = (n: number) => `${Math.round(n)} MiB`;
  console.log(
    `\nRSS, HTTP mode, shipped bers.config.yaml, ${COMMANDS} × \`/bers help\`; load average ${load}`,
  );
  console.log('| figure | bers-bot | baseline (bare Bolt app) | ratio | goal |\n|---|---|---|---|---|');
  for (const [store, ours, goal] of runs) {
    console.log(
      `| idle RSS, ${store} | ${round(ours.idle)} | ${round(bare.idle)} | ${(ours.idle / bare.idle).toFixed(2)}× | ≤ ${goal} MiB |`,
    );
    console.log(
      `| RSS 3 s after ${COMMANDS} commands, ${store} (${ours.acked} acked, ${ours.replies} replies) | ${round(ours.loaded)} | ${round(bare.loaded)} (${bare.acked} acked) | ${(ours.loaded / bare.loaded).toFixed(2)}× | — |`,
    );
    console.log(
      `| RSS 20 s after, settled, ${store} | ${round(ours.settled)} | ${round(bare.settled)} | ${(ours.settled / bare.settled).toFixed(2)}× | — |`,
    );
  }
  for (const [store, ours, goal] of runs) {
    const baseline = (n: number) => `bare Bolt app ${round(n)}`;
    printSummary({
      figure: `idle RSS, ${store}`,
      ours: round(ours.idle),
      baseline: baseline(bare.idle),
      goal: `≤ ${goal} MiB`,
      pass: ours.idle <= goal,
    });
    printSummary({
      figure: `RSS settled after ${COMMANDS} commands, ${store}`,
      ours: round(ours.settled),
      baseline: baseline(bare.settled),
      goal: '—',
      pass: undefined,
    });
  }
}

await main();
