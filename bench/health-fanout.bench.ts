import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { createBot } from '../src/app.js';
import { parseConfig } from '../src/config/load-config.js';
import { readSettings } from '../src/config/settings.js';
import type { Reply } from '../src/core/message.js';
import { createLogger } from '../src/observability/logger.js';
import { migrate } from '../src/store/migrate.js';
import { PgliteStore } from '../src/store/pglite-store.js';
import { startTargets } from './fanout-targets.js';

/**
 * `/bers health` over 200 HTTP targets that each answer in 100 ms, through the real pipeline
 * of a console-mode bot (in-memory store, audit included). Issue 2's targets: the full reply within
 * 1.5× the slowest single check; a hanging target delays the reply only up to its own timeout.
 */
const TARGETS = 200;
const DELAY_MS = 100;
const RUNS = 10;
const HANG_TIMEOUT_MS = 1000;

function configYaml(ports: number[], hanging: number[], failureThreshold: number): string {
  const check = (port: number, hangs: boolean) =>
    `  - name: target-${port}\n    checks:\n      - { name: api, kind: http, url: "http://127.0.0.1:${port}/health"${hangs ? `, timeoutMs: ${HANG_TIMEOUT_MS}` : ''} }\n`;
  return `services:\n${[...ports.map((p) => check(p, false)), ...hanging.map((p) => check(p, true))].join('')}health: { timeoutMs: 3000, deadlineMs: 8000, circuitBreaker: { failureThreshold: ${failureThreshold}, cooldownMs: 60000 } }\n`;
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

async function scenario(title: string, hanging: number, failureThreshold: number, runs: number) {
  const targets = await startTargets({ count: TARGETS - hanging, delayMs: DELAY_MS, hanging });
  const fast = targets.ports.slice(0, TARGETS - hanging);
  const bot = await consoleBot(configYaml(fast, targets.ports.slice(TARGETS - hanging), failureThreshold));
  console.log(`\n${title}`);
  await bot.health(); // warm-up: connections, JIT
  const replies: number[] = [];
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const { replyMs, slowestCheckMs, reply } = await bot.health();
    replies.push(replyMs);
    ratios.push(replyMs / slowestCheckMs);
    console.log(
      `  run ${String(run).padStart(2)}: reply ${ms(replyMs)} · slowest check ${ms(slowestCheckMs)} · ratio ${(replyMs / slowestCheckMs).toFixed(2)} · ${reply.text}`,
    );
  }
  console.log(
    `  reply p50 ${ms(percentile(replies, 50))}, max ${ms(Math.max(...replies))} · ratio p50 ${percentile(ratios, 50).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`,
  );
  await bot.close();
  await targets.stop();
  return { replies, ratios };
}

// The figures mean little without the machine's state: a loaded host delays every timer and socket.
console.log(
  `host: ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const all = await scenario(
  `${TARGETS} targets answering in ${DELAY_MS} ms (target: reply ≤ 1.5× slowest check)`,
  0,
  3,
  RUNS,
);
const hang = await scenario(
  `${TARGETS - 1} targets + 1 that hangs (timeoutMs ${HANG_TIMEOUT_MS}, breaker kept closed): reply must arrive at ~${HANG_TIMEOUT_MS} ms`,
  1,
  1000,
  5,
);
await scenario(
  'the same with the default breaker (opens after 3 failures): the hanging target stops costing time',
  1,
  3,
  5,
);

const worstRatio = Math.max(...all.ratios);
const worstHang = Math.max(...hang.replies);
console.log(
  `\nsummary: fan-out ratio max ${worstRatio.toFixed(2)} (target ≤ 1.5) ${worstRatio <= 1.5 ? 'MET' : 'MISSED'}; ` +
    `hanging-target reply max ${worstHang.toFixed(0)} ms vs its ${HANG_TIMEOUT_MS} ms timeout`,
);
process.exit(0);
