import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the worker serves: `count` endpoints answering after `delayMs`, and `hanging` that never do. */
interface Plan {
  count: number;
  delayMs: number;
  hanging: number;
}

// Plain JavaScript, run by a plain node process.
const WORKER_SOURCE = `
const { createServer } = require('node:http');
const plan = JSON.parse(process.argv[2]);
(async () => {
  const ports = [];
  for (let i = 0; i < plan.count + plan.hanging; i++) {
    const hangs = i >= plan.count;
    const server = createServer((_req, res) => {
      if (hangs) return;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      }, plan.delayMs);
    });
    // Longer than a round at 5,000 targets: an idle connection closed between rounds would make a
    // client's reuse race the close ("other side closed"), which is not what is measured.
    server.keepAliveTimeout = 120000;
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports.push(server.address().port);
  }
  process.send(ports);
})();
`;

/**
 * Starts the target endpoints in a process of their own, so neither their event loop nor their
 * file descriptors are the bot's: at 5,000 targets a shared process would hold 20,000 sockets
 * (listening, accepted from the bot, accepted from the outside client, the bot's own) and hit
 * EMFILE, which measures the limit instead of the fan-out.
 */
export async function startTargets(plan: Plan): Promise<{ ports: number[]; stop(): Promise<void> }> {
  const script = join(tmpdir(), `bers-fanout-targets-${process.pid}.cjs`);
  writeFileSync(script, WORKER_SOURCE);
  const child = fork(script, [JSON.stringify(plan)], { stdio: 'inherit' });
  const ports = await new Promise<number[]>((resolve, reject) => {
    child.once('message', (m) => resolve(m as number[]));
    child.once('error', reject);
  });
  return {
    ports,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
