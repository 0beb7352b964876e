import { Worker } from 'node:worker_threads';

/** What the worker serves: `count` endpoints answering after `delayMs`, and `hanging` that never do. */
interface Plan {
  count: number;
  delayMs: number;
  hanging: number;
}

// Plain JavaScript: a worker cannot load TypeScript through tsx on Node 20.
const WORKER_SOURCE = `
const { createServer } = require('node:http');
const { parentPort, workerData: plan } = require('node:worker_threads');
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
    // client's reuse race the close (\"other side closed\"), which is not what is measured.
    server.keepAliveTimeout = 120000;
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports.push(server.address().port);
  }
  parentPort.postMessage(ports);
})();
`;

/**
 * Starts the target endpoints in a worker thread, so their event loop is not the bot's: the
 * benchmark measures the bot's fan-out, not two workloads sharing one thread.
 */
export async function startTargets(plan: Plan): Promise<{ ports: number[]; stop(): Promise<void> }> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: plan });
  const ports = await new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { ports, stop: () => worker.terminate().then(() => {}) };
}
