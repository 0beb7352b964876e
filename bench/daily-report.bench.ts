// Daily report for 500 services whose health checks answer on local HTTP servers: time from
// "post the report" to Slack (a local fake) receiving chat.postMessage. Target ≤ 2 s.
// Run alone: node --import tsx bench/daily-report.bench.ts
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configFrom } from '../test/helpers/config.js';
import { startHttpBot } from '../test/helpers/http-bot.js';

const SERVICES = 500;
const RUNS = 5;
const TARGET_MS = 2000;

async function listen(status: number, body: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const servers: Server[] = [];
for (let i = 0; i < SERVICES; i++) {
  // A few sick ones so the report has something to list.
  servers.push(await listen(i % 100 === 7 ? 503 : 200, '{"status":"ok"}'));
}
const yaml = `services:\n${servers
  .map((s, i) => {
    const port = (s.address() as AddressInfo).port;
    const optional =
      i % 100 === 42 ? '\n      - { name: cache, kind: tcp, host: 127.0.0.1, port: 1, critical: false }' : '';
    return `  - name: svc-${String(i).padStart(3, '0')}\n    checks:\n      - { name: http, kind: http, url: "http://127.0.0.1:${port}/health", bodyMatch: ok }${optional}`;
  })
  .join(
    '\n',
  )}\nhealth: { reuseResultsMs: 0 }\nreports:\n  schedules:\n    - { id: daily-health, kind: daily-health, cron: "0 9 * * *", channels: ["#ops"] }\n`;

// reuseResultsMs 0: every post calls every service, as a report a day apart does, rather than
// sharing the answers of the post before it.
const h = await startHttpBot({ config: configFrom(yaml) });
const schedule = h.bot.services.config.reports.schedules[0]!;

async function timePost(slot: Date): Promise<number> {
  const before = h.slack.callsTo('chat.postMessage').length;
  const started = performance.now();
  await h.bot.services.reports.postScheduled(schedule, slot);
  await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length > before, 30_000, 'the post');
  return performance.now() - started;
}

await timePost(new Date(0)); // warm-up: first connections, JIT
const times: number[] = [];
for (let i = 1; i <= RUNS; i++) times.push(await timePost(new Date(i * 86_400_000)));
times.sort((a, b) => a - b);
const last = h.slack.callsTo('chat.postMessage').at(-1)!;
const blocks = (last.blocks as unknown[]).length;

const startedCommand = performance.now();
const { reply } = await h.command('report');
const commandMs = performance.now() - startedCommand;

console.log(`daily report, ${SERVICES} services (local HTTP checks), ${RUNS} runs after warm-up`);
console.log(
  `  scheduled post: median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms (target ≤ ${TARGET_MS} ms)`,
);
console.log(`  /bers report round trip (signed request → response_url): ${commandMs.toFixed(0)} ms`);
console.log(`  message: ${blocks} blocks; "${String(last.text)}"; reply "${String(reply.text)}"`);
console.log(times.at(-1)! <= TARGET_MS ? 'PASS' : 'OVER TARGET');

await h.close();
for (const s of servers) s.close();
