// Page enqueue (Pager.trigger resolves: the event is durable) → the event received by the fake
// PagerDuty over HTTPS. One page at a time, so each figure is one page's own latency.
// Usage: node --import tsx bench/paging-latency.bench.ts [pages=200]
import { performance } from 'node:perf_hooks';
import { pageRequest } from '../test/helpers/pagerduty.js';
import { benchRig, percentile } from './bench-pagerduty.js';

const pages = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200);
const rig = await benchRig();
rig.pd.start();
const latencies: number[] = [];
const durable: number[] = [];
for (let n = 1; n <= pages; n++) {
  const before = rig.fake.delivered.length;
  const started = performance.now();
  await rig.pd.pager.trigger(pageRequest(n));
  durable.push(performance.now() - started);
  await rig.fake.waitFor(() => rig.fake.delivered.length > before, 30_000, `page ${n}`);
  latencies.push(performance.now() - started);
}
await rig.close();
latencies.sort((a, b) => a - b);
durable.sort((a, b) => a - b);
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(`paging latency, ${pages} pages, store ${rig.store.backend}`);
console.log(
  `  trigger → received by PagerDuty: p50 ${ms(percentile(latencies, 50))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1)!)}`,
);
console.log(
  `  trigger → durable in the outbox: p50 ${ms(percentile(durable, 50))}  p99 ${ms(percentile(durable, 99))}`,
);
