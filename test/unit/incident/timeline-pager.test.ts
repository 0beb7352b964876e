import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { dedupKeyOf } from '../../../src/incident/model.js';
import type { PageRequest } from '../../../src/incident/pager.js';
import { TimelinePager } from '../../../src/incident/timeline-pager.js';
import type { Store } from '../../../src/store/store.js';
import { openIncident } from './in-memory-incident-deps.js';
import { inMemoryIncidentRecords } from './in-memory-incident-records.js';

/** A store the pager only hands to its records: any SQL of its own fails. */
const store = {
  query: async (sql: string) => {
    throw new Error(`the timeline pager ran SQL outside its records: ${sql}`);
  },
} as unknown as Store;

const request = (incidentNumber: number, summary: string): PageRequest => ({
  incidentNumber,
  dedupKey: dedupKeyOf(incidentNumber),
  severity: 'P1',
  title: 'Checkout is slow',
  summary,
  services: [],
});

function pager() {
  const records = inMemoryIncidentRecords([openIncident()]);
  const clock = new ManualClock();
  return { records, clock, pager: new TimelinePager(store, clock, records.incidents) };
}

describe('TimelinePager (in-memory records)', () => {
  it('records what it would have paged, acknowledged and resolved, each at most once per request key', async () => {
    const { records, clock, pager: p } = pager();
    await p.trigger(request(12, 'P1: checkout is slow'), 'step-1');
    await p.trigger(request(12, 'P1: checkout is slow'), 'step-1');
    await p.acknowledge(dedupKeyOf(12), 'ada', 'step-2');
    await p.resolve(dedupKeyOf(12), 'step-3');
    expect(records.timeline.map((t) => [t.incidentId, t.kind, t.text, t.sourceKey, t.at])).toEqual([
      [
        7,
        'paging',
        'No paging integration configured: would page on-call for "P1: checkout is slow"',
        'pager:step-1',
        clock.now(),
      ],
      [
        7,
        'paging',
        'No paging integration configured: acknowledgement by ada not sent',
        'pager:step-2',
        clock.now(),
      ],
      [7, 'paging', 'No paging integration configured: nothing to resolve', 'pager:step-3', clock.now()],
    ]);
    expect(p.configured).toBe(false);
  });

  it('an unknown incident or a dedup key that is not ours records nothing', async () => {
    const { records, pager: p } = pager();
    await p.trigger(request(99, 'x'));
    await p.acknowledge('someone-else-7', 'ada');
    await p.resolve(dedupKeyOf(99));
    expect(records.timeline).toEqual([]);
  });
});
