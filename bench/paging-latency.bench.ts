// Page enqueue (Pager.trigger resolves: the event is durable) → the event received by the fake
// PagerDuty over HTTPS. One page at a time, so each figure is one page's own latency. Baseline in
// the same run, interleaved page by page: the same Events v2 trigger POSTed straight to the fake by
// an independent client (undici, keep-alive, trusting the fake's certificate). Goal: p50 ≤ 2× it.
// Usage: node --import tsx bench/paging-latency.bench.ts [pages=200]
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { pageRequest, ROUTING_KEY } from '../test/helpers/pagerduty.js';
import { benchRig, percentile } from './bench-pagerduty.js';
import { printSummary } from './bench-summary.js';

const pages = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200);
const rig = await benchRig();
rig.pd.start();
const direct = new Agent({ connect: { ca: rig.fake.ca }, keepAliveTimeout: 60_000 });

/** The baseline: one trigger POSTed by hand, until the fake has accepted it. */
async function postDirectly(n: number): Promise<number> {
  const started = performance.now();
  const delivered = rig.fake.nextDelivery();
  const response = await request(`${rig.fake.url}/v2/enqueue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: `direct-${n}`,
      payload: { summary: `P0 - checkout is failing ${n}`, source: 'bench', severity: 'critical' },
    }),
    dispatcher: direct,
  });
  await response.body.dump();
  await delivered;
  return performance.now() - started;
}

const latencies: number[] = [];
const durable: number[] = [];
const baseline: number[] = [];
await postDirectly(0); // the baseline's connection and TLS handshake, as the bot's first page made its own
for (let n = 1; n <= pages; n++) {
  const started = performance.now();
  const delivered = rig.fake.nextDelivery();
  await rig.pd.pager.trigger(pageRequest(n));
  durable.push(performance.now() - started);
  await delivered;
  latencies.push(performance.now() - started);
  baseline.push(await postDirectly(n));
}
await rig.close();
await direct.close();
for (const values of [latencies, durable, baseline]) values.sort((a, b) => a - b);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const p50 = percentile(latencies, 50);
const direct50 = percentile(baseline, 50);
console.log(`paging latency, ${pages} pages, store ${rig.store.backend}`);
console.log(
  `  trigger → received by PagerDuty: p50 ${ms(p50)}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1)!)}`,
);
console.log(
  `  trigger → durable in the outbox: p50 ${ms(percentile(durable, 50))}  p99 ${ms(percentile(durable, 99))}`,
);
console.log(
  `  baseline, the same trigger POSTed directly: p50 ${ms(direct50)}  p99 ${ms(percentile(baseline, 99))}` +
    ` · ratio p50 ${(p50 / direct50).toFixed(2)}× (goal ≤ 2×)`,
);
printSummary({
  figure: `page → PagerDuty trigger received, p50 (${rig.store.backend})`,
  ours: ms(p50),
  baseline: `direct HTTPS POST ${ms(direct50)}`,
  goal: '≤ 2× the direct POST',
  pass: p50 <= 2 * direct50,
});
