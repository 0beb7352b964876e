import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Writable } from 'node:stream';
import { createBot } from '../src/app.js';
import { parseConfig } from '../src/config/load-config.js';
import { readSettings } from '../src/config/settings.js';
import type { Reply } from '../src/core/message.js';
import { createLogger } from '../src/observability/logger.js';
import { migrate } from '../src/store/migrate.js';
import { PgliteStore } from '../src/store/pglite-store.js';
import { printSummary } from './bench-summary.js';
import { startTargets } from './fanout-targets.js';

/**
 * `/bers health` over 200, 1,000 and 5,000 HTTP targets that each answer in 100 ms, through the
 * real pipeline of a console-mode bot (in-memory store, audit included), against an outside
 * baseline measured in the same run: a separate process GETting every target at once. Goals
 * (issue 16): the reply within 1.5× of that at 200 and 2× at 5,000, CPU per service flat; a
 * hanging target delays the reply only up to its own timeout.
 */
const DELAY_MS = 100;
const HANG_TIMEOUT_MS = 1000;

/** reuseResultsMs 0: every round calls every target, rather than sharing the round before's answers. */
function configYaml(ports: number[], hanging: number[], failureThreshold: number, timeoutMs = 3000): string {
  const check = (port: number, hangs: boolean) =>
    `  - name: target-${port}\n    checks:\n      - { name: api, kind: http, url: "http://127.0.0.1:${port}/health"${hangs ? `, timeoutMs: ${HANG_TIMEOUT_MS}` : ''} }\n`;
  return `services:\n${[...ports.map((p) => check(p, false)), ...hanging.map((p) => check(p, true))].join('')}health: { timeoutMs: ${timeoutMs}, deadlineMs: ${timeoutMs + 5000}, reuseResultsMs: 0, circuitBreaker: { failureThreshold: ${failureThreshold}, cooldownMs: 60000 } }\n`;
}

async function consoleBot(yaml: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bers-bench-'));
  const store = await PgliteStore.open(undefined);
  await migrate(store);
  const bot = await createBot({
    settings: readSettings({ PORT: '0', BERS_DATA_DIR: dataDir }),
    config: parseConfig(yaml, 'bench.yaml', {}),
    log: createLogger('silent'),
    store,
    console: {
      input: new PassThrough(),
      output: new Writable({ write: (_c, _e, done) => done() }),
      interactive: false,
    },
  });
  return {
    async health(): Promise<{ replyMs: number; slowestCheckMs: number; reply: Reply }> {
      const started = performance.now();
      let reply: Reply = { text: '' };
      await bot.pipeline.handle({
        kind: 'command',
        text: 'health',
        actor: { id: 'bench', name: 'bench' },
        channel: { id: 'console', name: 'console' },
        mode: 'console',
        respond: async (r) => {
          reply = r;
        },
      });
      const replyMs = performance.now() - started;
      // Each service line ends "· <latency> ms": the slowest check as the runner measured it.
      const latencies = [...JSON.stringify(reply.blocks).matchAll(/· (\d+) ms/g)].map((m) => Number(m[1]));
      return { replyMs, slowestCheckMs: Math.max(...latencies), reply };
    },
    async close() {
      await bot.stop();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;

/** The outside baseline: a separate process GETting every target at once (bench/parallel-client.mjs). */
function parallelClient(ports: number[]) {
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'parallel-client.mjs'), JSON.stringify(ports)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async round(): Promise<number> {
      child.stdin!.write('round\n');
      const { value } = await lines.next();
      return (JSON.parse(String(value)) as { ms: number }).ms;
    },
    stop: () => child.kill(),
  };
}

interface SizeResult {
  size: number;
  replyMs: number;
  baselineMs: number;
  cpuMsPerService: number;
  /** Rounds where some target did not answer healthy: their times are not the fan-out's. */
  failedRounds: number;
}

/** `size` targets answering in DELAY_MS: the bot's reply and the outside client's round, interleaved. */
async function fanout(size: number, runs: number): Promise<SizeResult> {
  const targets = await startTargets({ count: size, delayMs: DELAY_MS, hanging: 0 });
  // No timeout or breaker the outside client does not have either: on a loaded machine a round
  // of 5,000 may pass 3 s, and checks cut or refused would measure the load, not the fan-out.
  const bot = await consoleBot(configYaml(targets.ports, [], 1_000_000, 60_000));
  const client = parallelClient(targets.ports);
  await client.round(); // warm-up: connections, JIT
  await bot.health();
  const replies: number[] = [];
  const baselines: number[] = [];
  const cpu: number[] = [];
  let failedRounds = 0;
  for (let run = 1; run <= runs; run++) {
    // Alternate who goes first, so a change in the machine's load weighs on both.
    if (run % 2 === 1) baselines.push(await client.round());
    const before = process.cpuUsage();
    const { replyMs, reply } = await bot.health();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    replies.push(replyMs);
    if (run % 2 === 0) baselines.push(await client.round());
    console.log(
      `  ${String(size).padStart(5)} services, run ${run}: reply ${ms(replyMs)} · outside client ${ms(baselines.at(-1)!)} · ${reply.text.slice(0, 60)}`,
    );
    // A round where targets failed measures failures, not the fan-out: say why.
    const why = / — ([^\n"]+)/.exec(JSON.stringify(reply.blocks))?.[1];
    if (why) console.log(`    first problem: ${why.slice(0, 120)}`);
    if (!reply.text.includes(`(${size} healthy)`)) failedRounds++;
  }
  client.stop();
  await bot.close();
  await targets.stop();
  return {
    size,
    replyMs: percentile(replies, 50),
    baselineMs: percentile(baselines, 50),
    // The process's CPU includes the target worker's: the same for every size per request.
    cpuMsPerService: percentile(cpu, 50) / size,
    failedRounds,
  };
}

async function hangScenario(title: string, failureThreshold: number, runs: number) {
  const targets = await startTargets({ count: 199, delayMs: DELAY_MS, hanging: 1 });
  const bot = await consoleBot(
    configYaml(targets.ports.slice(0, 199), targets.ports.slice(199), failureThreshold),
  );
  console.log(`\n${title}`);
  await bot.health();
  const replies: number[] = [];
  for (let run = 1; run <= runs; run++) replies.push((await bot.health()).replyMs);
  console.log(`  reply p50 ${ms(percentile(replies, 50))}, max ${ms(Math.max(...replies))}`);
  await bot.close();
  await targets.stop();
  return replies;
}

// The figures mean little without the machine's state: a loaded host delays every timer and socket.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(`host: ${cpus().length} cores, load average ${load()}`);
const sizes = (process.env.BENCH_SIZES ?? '200,1000,5000').split(',').map(Number);
const runs = Number(process.env.BENCH_ROUNDS ?? 5);
console.log(`\n/bers health over N targets answering in ${DELAY_MS} ms, ${runs} interleaved rounds, medians`);
const results: SizeResult[] = [];
for (const size of sizes) results.push(await fanout(size, runs));
console.log('\n| services | reply | outside client, all targets at once | ratio | bot CPU per service |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.size} | ${r.replyMs.toFixed(0)} ms | ${r.baselineMs.toFixed(0)} ms | ${(r.replyMs / r.baselineMs).toFixed(2)}× | ${(r.cpuMsPerService * 1000).toFixed(0)} µs |`,
  );
  const goal = r.size <= 200 ? 1.5 : 2;
  printSummary({
    figure: `/bers health, ${r.size} targets of ${DELAY_MS} ms (load ${load()})`,
    ours: `${r.replyMs.toFixed(0)} ms${r.failedRounds ? ` (${r.failedRounds} rounds with failed checks)` : ''}`,
    baseline: `${r.baselineMs.toFixed(0)} ms (outside client)`,
    goal: `≤ ${goal}× baseline`,
    pass: r.failedRounds === 0 && r.replyMs <= goal * r.baselineMs,
  });
}
const smallest = results[0]!;
const largest = results.at(-1)!;
if (results.length > 1) {
  // Linear cost: CPU per service does not grow with the number of services.
  const growth = largest.cpuMsPerService / smallest.cpuMsPerService;
  printSummary({
    figure: `health CPU per service, ${largest.size} vs ${smallest.size} services`,
    ours: `${(largest.cpuMsPerService * 1000).toFixed(0)} µs vs ${(smallest.cpuMsPerService * 1000).toFixed(0)} µs`,
    baseline: '—',
    goal: '≤ 1.5× (linear)',
    pass: growth <= 1.5,
  });
}
if (process.env.BENCH_HANG !== '0') {
  const hang = await hangScenario(
    `199 targets + 1 that hangs (timeoutMs ${HANG_TIMEOUT_MS}, breaker kept closed): reply at ~${HANG_TIMEOUT_MS} ms`,
    1000,
    5,
  );
  await hangScenario('the same with the default breaker (opens after 3 failures)', 3, 5);
  const worst = Math.max(...hang);
  printSummary({
    figure: 'health with one hanging target (its timeout 1000 ms)',
    ours: `max ${worst.toFixed(0)} ms`,
    baseline: `${HANG_TIMEOUT_MS} ms timeout`,
    goal: '≤ 1.5× the timeout',
    pass: worst <= 1.5 * HANG_TIMEOUT_MS,
  });
}
process.exit(0);
