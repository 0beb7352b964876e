import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { IncidentRows } from '../../../src/incident/incident-records.js';
import { IncidentService } from '../../../src/incident/incident-service.js';
import type { Incident } from '../../../src/incident/model.js';
import { noticingWrites, OpenIncidents } from '../../../src/incident/open-incidents.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

/** A read that counts itself and answers `rows` (or fails). */
function counted(rows: Incident[] = [openIncident()]) {
  const reads = { count: 0, fail: false };
  const read = async () => {
    reads.count++;
    if (reads.fail) throw new Error('store down');
    return rows;
  };
  return { reads, read };
}

describe('OpenIncidents: one read shared by the lists that follow it', () => {
  it('answers asks within freshMs of the read with it, in flight or done, then reads again', async () => {
    const clock = new ManualClock();
    const open = new OpenIncidents(clock, 1000);
    const { reads, read } = counted();
    await Promise.all([open.get(read), open.get(read), open.get(read)]);
    clock.advance(999);
    await open.get(read);
    expect(reads.count).toBe(1);
    clock.advance(1);
    await open.get(read);
    expect(reads.count).toBe(2);
  });

  it('reads anew after a write made here, even within freshMs', async () => {
    const open = new OpenIncidents(new ManualClock(), 1000);
    const { reads, read } = counted();
    await open.get(read);
    open.changed();
    await open.get(read);
    expect(reads.count).toBe(2);
  });

  it('does not share a failed read', async () => {
    const open = new OpenIncidents(new ManualClock(), 1000);
    const { reads, read } = counted();
    reads.fail = true;
    await expect(open.get(read)).rejects.toThrow('store down');
    reads.fail = false;
    await expect(open.get(read)).resolves.toHaveLength(1);
    expect(reads.count).toBe(2);
  });

  it('with freshMs 0 every ask reads', async () => {
    const open = new OpenIncidents(new ManualClock(), 0);
    const { reads, read } = counted();
    await Promise.all([open.get(read), open.get(read)]);
    expect(reads.count).toBe(2);
  });
});

describe('noticingWrites', () => {
  it('tells of every write, failed ones too, and of no read; a method it does not know counts as a write', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    let changes = 0;
    const rows = h.deps.records.incidents;
    const failing = Object.assign(Object.create(null), rows, {
      setRole: async () => {
        throw new Error('refused');
      },
      somethingNew: async () => undefined,
    }) as IncidentRows & { somethingNew(): Promise<void> };
    const noticed = noticingWrites(failing, () => changes++) as typeof failing;
    await noticed.byNumber(h.deps.store, 12);
    await noticed.listOpen(h.deps.store);
    await noticed.timeline(h.deps.store, 7);
    expect(changes).toBe(0);
    await noticed.setSeverity(h.deps.store, 7, 'P0');
    await expect(noticed.setRole(h.deps.store, 7, 'commander', 'U1')).rejects.toThrow('refused');
    await noticed.somethingNew();
    expect(changes).toBe(3);
  });

  it('an IncidentService on noticed rows lists a change made here at once, and shares reads otherwise', async () => {
    const h = inMemoryIncidentDeps([openIncident({ severity: 'P2' })]);
    const open = new OpenIncidents(h.clock, 1000);
    let reads = 0;
    const rows = h.deps.records.incidents;
    const listOpen = rows.listOpen;
    rows.listOpen = (db) => {
      reads++;
      return listOpen(db);
    };
    h.deps.records.incidents = noticingWrites(rows, () => open.changed());
    const service = new IncidentService(h.deps, undefined, open);
    expect((await service.listOpen())[0]?.severity).toBe('P2');
    await service.listOpen();
    expect(reads).toBe(1);
    await h.deps.records.incidents.setSeverity(h.deps.store, 7, 'P0');
    expect((await service.listOpen())[0]?.severity).toBe('P0');
    expect(reads).toBe(2);
  });
});
