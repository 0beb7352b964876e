/**
 * Shared by the start-up benchmarks: launch a process, time it from spawn to a sign of life (an
 * HTTP 200 on a path, or a text on stdout), stop it; medians of interleaved rounds; the table.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { nodeFlagsOf } from '../test/helpers/node-flags.js';
import { printSummary } from './bench-summary.js';

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/**
 * The built bot in checkout `root`, relative to it: dist/main.js (the bundle), or dist/src/main.js
 * in a checkout from before the bundle, so BENCH_BEFORE can point at one.
 */
function builtBot(root: string): string {
  return existsSync(`${root}/dist/main.js`) ? 'dist/main.js' : 'dist/src/main.js';
}

/** node's arguments that run the built bot in `root` (from there) as its bin does: its flags, then it. */
export function builtBotArgs(root: string): string[] {
  const bot = builtBot(root);
  return [...nodeFlagsOf(join(root, bot)), bot];
}

/** What a run waits for before its clock stops. */
export type Until = { http: string; port: number } | { stdout: string };

export interface Launch {
  command: string[];
  env: Record<string, string>;
  until: Until;
  stdin?: string;
  cwd?: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(500) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the whole process group: `npm start` runs the bot as a grandchild, which must be gone
 * (and its data directory unlocked) before the next launch.
 */
async function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid!;
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  const until = performance.now() + 5000;
  while (groupAlive(pid)) {
    if (performance.now() > until) process.kill(-pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Milliseconds from spawn until `until`; the process is stopped afterwards. Throws on timeout or exit. */
export async function timeLaunch(launch: Launch, timeoutMs = 60_000): Promise<number> {
  const [file, ...args] = launch.command as [string, ...string[]];
  const started = performance.now();
  const child = spawn(file, args, {
    cwd: launch.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...launch.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so stop() reaches its children too.
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr!.on('data', (chunk) => {
    err += String(chunk);
  });
  if (launch.stdin !== undefined) child.stdin!.write(launch.stdin);
  try {
    const until = launch.until;
    for (;;) {
      if (
        'stdout' in until
          ? out.includes(until.stdout)
          : await answers(`http://127.0.0.1:${until.port}${until.http}`)
      )
        return performance.now() - started;
      if (child.exitCode !== null)
        throw new Error(`exited ${child.exitCode} before it was ready:\n${out}\n${err}`);
      if (performance.now() - started > timeoutMs)
        throw new Error(`not ready in ${timeoutMs} ms:\n${out}\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 'stdout' in until ? 2 : 5));
    }
  } finally {
    child.stdin!.end();
    await stop(child);
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Row {
  figure: string;
  ours: number[];
  baseline?: { name: string; runs: number[] };
  /** The goal: the median at most this. */
  limitMs?: number;
}

const ms = (values: readonly number[]) =>
  `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;

/**
 * One line per figure: ours and the baseline as median (min–max) of the same interleaved rounds;
 * each also as a row of `npm run bench`'s closing table.
 */
export function printTable(title: string, rows: readonly Row[]): void {
  // Other work on the machine moves every figure; the load says how much to trust them.
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  console.log(`\n${title} — ${ROUNDS} interleaved rounds, median (min–max); load average ${load}`);
  console.log('| figure | bers-bot | baseline | ratio | target |\n|---|---|---|---|---|');
  for (const r of rows) {
    const base = r.baseline ? `${r.baseline.name}: ${ms(r.baseline.runs)}` : '—';
    const ratio = r.baseline ? `${(median(r.ours) / median(r.baseline.runs)).toFixed(2)}×` : '—';
    const target = r.limitMs === undefined ? '—' : `≤ ${r.limitMs / 1000} s`;
    console.log(`| ${r.figure} | ${ms(r.ours)} | ${base} | ${ratio} | ${target} |`);
    printSummary({
      figure: r.figure,
      ours: ms(r.ours),
      baseline: base,
      goal: target,
      pass: r.limitMs === undefined ? undefined : median(r.ours) <= r.limitMs,
    });
  }
}
