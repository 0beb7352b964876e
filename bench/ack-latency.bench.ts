/**
 * Ack latency of `/bers health` in HTTP mode vs a bare Bolt app that only acks, in the same run.
 * Each app runs in its own child process, and the fake Slack (Web API, response_url) in another,
 * so no two share an event loop, as in production; this process sends signed slash commands at a
 * fixed rate (open loop) with undici and times each request until its response headers, i.e.
 * Slack's view of the ack. The measured time is split into rounds that alternate between the apps
 * (bare first, then bers-bot first, …), so a change in the machine's load during the run weighs on
 * both alike.
 *
 *   node --import tsx bench/ack-latency.bench.ts        (BENCH_RATE, BENCH_SECONDS to change;
 *   BENCH_DATABASE_URL for the PostgreSQL backend; BENCH_CPU_PROFILE=<dir> to profile bers-bot)
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { Pool } from 'undici';
import { createBot } from '../src/app.js';
import { readSettings } from '../src/config/settings.js';
import { createLogger } from '../src/observability/logger.js';
import { openStore } from '../src/store/open-store.js';
import { configFrom } from '../test/helpers/config.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { slashCommandBody } from '../test/helpers/http-bot.js';
import { signedHeaders } from '../test/helpers/slack-signing.js';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 2;
/** The measured seconds are split into rounds that alternate between the two apps. */
const ROUNDS = 4;

type Kind = 'bers' | 'bare';
interface Ready {
  port: number;
}
interface SlackReady {
  apiUrl: string;
  responseBase: string;
}

/** Child: the fake Slack; answers `count` with the number of replies received so far. */
async function serveSlack(): Promise<void> {
  const slack = await FakeSlack.start();
  process.send!({ apiUrl: slack.apiUrl, responseBase: slack.responseUrl('') } satisfies SlackReady);
  process.on('message', (message) => {
    if (message === 'count') process.send!({ replies: slack.responses.length });
    else void slack.close().then(() => process.exit(0));
  });
}

/** Child: serves one app on port 0 against the fake Slack at `apiUrl`. */
async function serve(kind: Kind, apiUrl: string): Promise<void> {
  let stop: () => Promise<void>;
  let port: number;
  if (kind === 'bers') {
    const target = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const targetPort = (target.address() as { port: number }).port;
    const databaseUrl = process.env.BENCH_DATABASE_URL;
    const dataDir = await mkdtemp(join(tmpdir(), 'bers-ack-bench-'));
    const bot = await createBot({
      settings: readSettings({
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: apiUrl,
        PORT: '0',
      }),
      config: configFrom(`
services:
  - name: api
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${targetPort}, timeoutMs: 1000 }]
`),
      log: createLogger('warn', process.stderr as never),
      // The embedded store by default; BENCH_DATABASE_URL measures the PostgreSQL backend instead.
      // Either way on disk with its inbox, as in production: each ack waits for its request to be kept.
      store: await openStore({ databaseUrl, dataDir }),
      inbox: databaseUrl
        ? { kind: 'postgres', url: databaseUrl, owner: randomUUID(), leaseMs: 15_000 }
        : { kind: 'journal', dir: dataDir },
      scheduleReports: false,
    });
    await bot.start();
    port = bot.port()!;
    stop = () => bot.stop();
  } else {
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events' });
    const app = new App({ token: 'xoxb-bench', receiver, clientOptions: { slackApiUrl: apiUrl } });
    app.command('/bers', async ({ ack }) => {
      await ack();
    });
    const server = (await import('node:http')).createServer(receiver.requestListener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    stop = () => new Promise((resolve) => server.close(() => resolve()));
  }
  process.send!({ port } satisfies Ready);
  process.on('message', async () => {
    await stop();
    process.exit(0);
  });
}

interface Result {
  latencies: number[];
  errors: number;
  replies: number;
}

/** BENCH_CPU_PROFILE=<dir>: V8 CPU profiles of bers-bot's process (a file per thread) go there. */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;

function child(...args: string[]) {
  const profile = args[0] === 'bers' && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const process = fork(fileURLToPath(import.meta.url), ['--serve', ...args], {
    stdio: 'inherit',
    execArgv: [...globalThis.process.execArgv, ...profile],
  });
  const next = <T>() => new Promise<T>((resolve) => process.once('message', resolve as never));
  return { process, next };
}

/** One app under load: its process, a connection pool to it, and what was measured so far. */
async function startApp(kind: Kind, fakeSlack: SlackReady) {
  const app = child(kind, fakeSlack.apiUrl);
  const ready = await app.next<Ready>();
  const pool = new Pool(`http://127.0.0.1:${ready.port}`, { connections: 32 });
  const result: Result = { latencies: [], errors: 0, replies: 0 };
  const send = async (record: boolean) => {
    const body = slashCommandBody('health', fakeSlack.responseBase + randomBytes(6).toString('hex'));
    const started = performance.now();
    try {
      const { statusCode, body: response } = await pool.request({
        path: '/slack/events',
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(SECRET, body) },
      });
      const elapsed = performance.now() - started;
      await response.dump();
      if (statusCode !== 200) result.errors++;
      else if (record) result.latencies.push(elapsed);
    } catch {
      result.errors++;
    }
  };
  const stop = async () => {
    app.process.send('stop');
    await pool.close();
  };
  return { result, send, stop };
}

async function replyCount(slack: ReturnType<typeof child>): Promise<number> {
  slack.process.send('count');
  return (await slack.next<{ replies: number }>()).replies;
}

/** Fires `fire` at `rate` per second for `seconds`, on schedule whether or not answers came back. */
async function openLoop(rate: number, seconds: number, fire: () => Promise<void>): Promise<void> {
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  const total = rate * seconds;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(fire());
  }
  await Promise.all(inFlight);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  console.log(
    `ack latency: signed \`/bers health\`, ${RATE} requests/s for ${SECONDS} s per app (HTTP mode), ` +
      `in ${ROUNDS} interleaved rounds`,
  );
  const slack = child('slack');
  const fakeSlack = await slack.next<SlackReady>();
  const apps = { bare: await startApp('bare', fakeSlack), bers: await startApp('bers', fakeSlack) };
  for (const app of [apps.bare, apps.bers]) await openLoop(RATE, WARMUP_SECONDS, () => app.send(false));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));
  await settle();
  const repliesBefore = await replyCount(slack);
  // Alternate which app goes first, so a drift in the machine's load favours neither.
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [apps.bare, apps.bers] : [apps.bers, apps.bare];
    for (const app of order) await openLoop(RATE, SECONDS / ROUNDS, () => app.send(true));
  }
  // Only bers-bot replies (through response_url); let the ones in flight land before counting.
  await settle();
  apps.bers.result.replies = (await replyCount(slack)) - repliesBefore;
  for (const app of [apps.bare, apps.bers]) await app.stop();
  slack.process.send('stop');
  const row = (name: string, r: Result, replies = String(r.replies)) => {
    const s = [...r.latencies].sort((a, b) => a - b);
    const f = (n: number) => `${n.toFixed(2)} ms`.padStart(10);
    console.log(
      `${name.padEnd(22)}${f(percentile(s, 50))}${f(percentile(s, 99))}${f(s.at(-1) ?? Number.NaN)}` +
        `${String(r.errors).padStart(8)}${replies.padStart(9)}`,
    );
    return s;
  };
  console.log(
    `${''.padEnd(22)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}  errors  replies (of ${RATE * SECONDS})`,
  );
  const bare = row('bare Bolt (ack only)', apps.bare.result, '-');
  const bers = row('bers-bot', apps.bers.result);
  const p50 = percentile(bers, 50) / percentile(bare, 50);
  const p99 = percentile(bers, 99) / percentile(bare, 99);
  console.log(`ratio bers-bot / bare: p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}× (target ≤ 1.25×)`);
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0 && process.argv[serveIndex + 1] === 'slack') await serveSlack();
else if (serveIndex >= 0) await serve(process.argv[serveIndex + 1] as Kind, process.argv[serveIndex + 2]!);
else await main();
