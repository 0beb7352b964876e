// The independent baseline for the fan-out bench: a plain undici client in its own process that
// GETs every target at once, as a script with `curl … &` would, and reports how long the whole
// round took. Rounds are driven over stdin ("round\n") so they interleave with the bot's.
import { createInterface } from 'node:readline';
import { Agent, request } from 'undici';

const ports = JSON.parse(process.argv[2]);
const agent = new Agent({ keepAliveTimeout: 60_000 });

async function round() {
  const started = performance.now();
  await Promise.all(
    ports.map(async (port) => {
      const res = await request(`http://127.0.0.1:${port}/health`, { dispatcher: agent });
      await res.body.text();
    }),
  );
  return performance.now() - started;
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'round') process.stdout.write(`${JSON.stringify({ ms: await round() })}\n`);
}
await agent.close();
