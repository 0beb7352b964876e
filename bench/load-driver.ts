/**
 * Shared by the load benches: the light fake Slack (bench/reply-sink.mjs), bers-bot
 * (bench/bers-http-child.ts) and the bare Bolt app that acks and replies "ok"
 * (bench/bare-bolt-app.mjs), each in a process of its own; signed slash commands sent open loop;
 * each reply timed from its send to its arrival at the fake Slack; the app's CPU from /proc.
 */
import { type ChildProcess, execSync, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { slashCommandBody } from '../test/helpers/http-bot.js';
import { nodeFlagsOf } from '../test/helpers/node-flags.js';
import { signedHeaders } from '../test/helpers/slack-signing.js';
import { BENCH_SECRET } from './bers-http-child.js';
import { freePort } from './startup-runs.js';

const HERE = import.meta.dirname;
// The monotonic clock (CLOCK_MONOTONIC on Linux), which every process on the machine shares, as
// does bench/reply-sink.mjs. `timeOrigin + now()` is not: each process takes its timeOrigin from two
// clock reads at its start, and on a loaded machine a reply was timed 0.4 ms before its command.
const now = () => Number(process.hrtime.bigint()) / 1e6;
const next = <T>(child: ChildProcess) => new Promise<T>((resolve) => child.once('message', resolve as never));
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface Sink {
  apiUrl: string;
  responseBase: string;
  take(): Promise<[string, number, number][]>;
  stop(): void;
}

export async function startSink(): Promise<Sink> {
  const child = fork(join(HERE, 'reply-sink.mjs'), [], { stdio: 'inherit', execArgv: [] });
  const { apiUrl, responseBase } = await next<{ apiUrl: string; responseBase: string }>(child);
  return {
    apiUrl,
    responseBase,
    async take() {
      child.send('take');
      return (await next<{ arrivals: [string, number, number][] }>(child)).arrivals;
    },
    stop: () => child.send('stop'),
  };
}

const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** CPU the process has used so far, every thread (utime + stime of /proc/<pid>/stat), in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export interface Phase {
  sent: number;
  acked: number;
  errors: number;
  /** Send → reply received by the fake Slack, ms, one per reply. */
  replies: number[];
  replyBytes: number[];
  cpuMs: number;
}

export interface App {
  name: string;
  pid: number;
  /** `text` at `rate` commands per second for `seconds`; then waits for their replies. */
  run(text: string, rate: number, seconds: number): Promise<Phase>;
  stop(): Promise<void>;
}

async function driven(name: string, child: ChildProcess, port: number, sink: Sink): Promise<App> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 128, pipelining: 1 });
  return {
    name,
    pid: child.pid!,
    async run(text, rate, seconds) {
      await sink.take(); // forget replies of earlier phases that came late
      const sentAt = new Map<string, number>();
      const phase: Phase = { sent: 0, acked: 0, errors: 0, replies: [], replyBytes: [], cpuMs: 0 };
      const cpuBefore = cpuMs(child.pid!);
      const send = async () => {
        const id = randomBytes(8).toString('hex');
        const body = slashCommandBody(text, sink.responseBase + id);
        sentAt.set(id, now());
        phase.sent++;
        try {
          const { statusCode, body: response } = await pool.request({
            path: '/slack/events',
            method: 'POST',
            body,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              ...signedHeaders(BENCH_SECRET, body),
            },
          });
          await response.dump();
          if (statusCode === 200) phase.acked++;
          else phase.errors++;
        } catch {
          phase.errors++;
        }
      };
      // Open loop: on schedule whether or not answers came back.
      const inFlight: Promise<void>[] = [];
      const start = performance.now();
      for (let i = 0; i < rate * seconds; i++) {
        const wait = start + (i * 1000) / rate - performance.now();
        if (wait > 0) await sleep(wait);
        inFlight.push(send());
      }
      await Promise.all(inFlight);
      // Replies trail the acks; wait until all are in or none came for 5 s.
      let got = 0;
      let quietSince = performance.now();
      while (got < phase.acked && performance.now() - quietSince < 5000) {
        await sleep(200);
        for (const [id, at, bytes] of await sink.take()) {
          const sent = sentAt.get(id);
          if (sent === undefined) continue;
          phase.replies.push(at - sent);
          phase.replyBytes.push(bytes);
          got++;
          quietSince = performance.now();
        }
      }
      phase.cpuMs = cpuMs(child.pid!) - cpuBefore;
      return phase;
    },
    async stop() {
      await pool.close();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // bers-bot stops on a message (and drops its schema); the bare app on SIGTERM.
        if (child.connected) child.send('stop');
        else child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** bers-bot's process against the fake Slack at `apiUrl`; `env` for BENCH_OPEN_INCIDENTS, … */
export async function forkBers(apiUrl: string, env: Record<string, string> = {}) {
  const child = fork(join(HERE, 'bers-http-child.ts'), [apiUrl], {
    stdio: 'inherit',
    // BENCH_CPU_PROFILE=<dir>: V8 CPU profiles of bers-bot's threads (a file each) go there.
    execArgv: [
      ...process.execArgv,
      // The bot's own node flags, as its bin runs it (src/main.ts's first line).
      ...nodeFlagsOf(join(HERE, '..', 'src', 'main.ts')),
      ...(process.env.BENCH_CPU_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
        : []),
    ],
    env: { ...process.env, ...env },
  });
  const { port } = await next<{ port: number }>(child);
  return { child, port };
}

export async function startBers(sink: Sink, env: Record<string, string> = {}): Promise<App> {
  const { child, port } = await forkBers(sink.apiUrl, env);
  return driven('bers-bot', child, port, sink);
}

/** The bare Bolt app that acks each command and answers "ok" through its response_url. */
export async function startBare(sink: Sink): Promise<App> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(HERE, 'bare-bolt-app.mjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: BENCH_SECRET,
      SLACK_API_URL: sink.apiUrl,
      PORT: String(port),
      BARE_REPLY: 'ok',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; ; tries++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (tries > 600 || child.exitCode !== null) throw new Error('the bare Bolt app did not start');
    await sleep(50);
  }
  return driven('bare Bolt', child, port, sink);
}
