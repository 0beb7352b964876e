// PagerDuty answers 503 for the whole outage while incidents keep paging; then it recovers.
// Measures the time from recovery until every pending event has been delivered (once, in order),
// with the shipped delivery settings (backoff 1 s doubling to 30 s, with jitter).
// Usage: node --import tsx bench/outage-recovery.bench.ts [outageSeconds=60] [incidents=20]
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pageRequest } from '../test/helpers/pagerduty.js';
import { benchRig } from './bench-pagerduty.js';

const [outageSeconds = 60, incidents = 20] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const rig = await benchRig();
rig.fake.outage();
rig.pd.start();
// Trigger, acknowledge and resolve of each incident, spread over the first third of the outage.
const spread = (outageSeconds * 1000) / 3 / incidents;
for (let n = 1; n <= incidents; n++) {
  await rig.pd.pager.trigger(pageRequest(n));
  await rig.pd.pager.acknowledge(`bers-incident-${n}`, 'U1');
  await rig.pd.pager.resolve(`bers-incident-${n}`);
  await sleep(spread);
}
await sleep(outageSeconds * 1000 - spread * incidents);
const failedAttempts = rig.fake.attempts.length;
rig.fake.recover();
const recovered = performance.now();
const total = incidents * 3;
await rig.fake.waitFor(() => rig.fake.delivered.length >= total, 300_000, 'every pending event');
const drained = performance.now() - recovered;
await rig.pd.worker.kick();
const inOrder = Array.from({ length: incidents }, (_, i) => `bers-incident-${i + 1}`).every(
  (key) =>
    rig.fake.delivered
      .filter((e) => e.dedup_key === key)
      .map((e) => e.event_action)
      .join() === 'trigger,acknowledge,resolve',
);
await rig.close();
console.log(
  `outage recovery: ${outageSeconds} s outage, ${incidents} incidents, ${total} events, store ${rig.store.backend}`,
);
console.log(`  failed attempts during the outage: ${failedAttempts}`);
console.log(`  recovery → all ${total} delivered: ${(drained / 1000).toFixed(2)} s`);
console.log(
  `  delivered ${rig.fake.delivered.length} (each once: ${rig.fake.delivered.length === total}), in order per incident: ${inOrder}`,
);
