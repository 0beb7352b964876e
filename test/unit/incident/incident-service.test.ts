import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/core/errors.js';
import { IncidentService } from '../../../src/incident/incident-service.js';
import { PUBLIC_UPDATE } from '../../../src/incident/update-flows.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';
import { seedPage } from './in-memory-page-records.js';

const resolvedAt = new Date('2026-01-05T07:40:00Z');

/** The service's reads, on the records port: no SQL of its own. */
describe('IncidentService reads (in-memory ports)', () => {
  const incidents = () => [
    openIncident({ severity: 'P2' }),
    openIncident({ id: 8, number: 13, severity: 'P0', channelId: 'C0INC13', channelName: 'inc-13' }),
    openIncident({ id: 9, number: 14, isPrivate: true, channelId: 'C0INC14', channelName: 'inc-14' }),
    openIncident({
      id: 10,
      number: 15,
      resolvedAt,
      status: 'resolved',
      channelId: 'C0INC15',
      channelName: 'inc-15',
    }),
  ];

  it('finds an incident by number and by channel id or name; lists the open ones most severe first', async () => {
    const h = inMemoryIncidentDeps(incidents());
    const service = new IncidentService(h.deps);
    expect((await service.get(13))?.id).toBe(8);
    expect(await service.get(99)).toBeUndefined();
    expect((await service.byChannel('C0INC13'))?.number).toBe(13);
    expect((await service.byChannel('inc-14'))?.number).toBe(14);
    expect(await service.byChannel('C0ELSE')).toBeUndefined();
    expect((await service.listOpen()).map((i) => i.number)).toEqual([13, 14, 12]);
  });

  it('lists for every ask of one turn with one read; an ask made while a read runs sees what was written before it', async () => {
    const h = inMemoryIncidentDeps(incidents());
    const port = h.deps.records.incidents;
    const read = port.listOpen;
    let reads = 0;
    let gate: Promise<void> | undefined;
    port.listOpen = async (db) => {
      reads++;
      const rows = await read(db);
      await gate;
      return rows;
    };
    const service = new IncidentService(h.deps);
    const together = await Promise.all([service.listOpen(), service.listOpen(), service.listOpen()]);
    expect(reads).toBe(1);
    expect(together.map((list) => list.map((i) => i.number))).toEqual([
      [13, 14, 12],
      [13, 14, 12],
      [13, 14, 12],
    ]);
    let release!: () => void;
    gate = new Promise((resolve) => {
      release = resolve;
    });
    const first = service.listOpen();
    await new Promise((resolve) => setImmediate(resolve)); // the read has started and has its rows
    await port.setSeverity(h.deps.store, 9, 'P0');
    const second = service.listOpen();
    release();
    expect((await first).map((i) => i.number)).toEqual([13, 14, 12]);
    expect((await second).map((i) => i.number)).toEqual([13, 14, 12]);
    expect((await second).find((i) => i.number === 14)?.severity).toBe('P0');
    expect((await first).find((i) => i.number === 14)?.severity).toBe('P1');
    expect(reads).toBe(3);
  });

  it('fails every ask that shared a failed read, and reads again afterwards', async () => {
    const h = inMemoryIncidentDeps(incidents());
    const port = h.deps.records.incidents;
    const read = port.listOpen;
    let fail = true;
    port.listOpen = async (db) => {
      if (fail) throw new Error('store down');
      return read(db);
    };
    const service = new IncidentService(h.deps);
    const asks = [service.listOpen(), service.listOpen()];
    await expect(asks[0]).rejects.toThrow('store down');
    await expect(asks[1]).rejects.toThrow('store down');
    fail = false;
    expect((await service.listOpen()).map((i) => i.number)).toEqual([13, 14, 12]);
  });

  it('the status page shows only public incidents still open or resolved since, with their public updates', async () => {
    const h = inMemoryIncidentDeps(incidents());
    h.records.timeline.push(
      {
        incidentId: 8,
        at: new Date('2026-01-05T07:10:00Z'),
        kind: PUBLIC_UPDATE,
        text: 'investigating: looking',
      },
      { incidentId: 8, at: new Date('2026-01-05T07:20:00Z'), kind: 'note', text: 'internal' },
      {
        incidentId: 8,
        at: new Date('2026-01-05T07:30:00Z'),
        kind: PUBLIC_UPDATE,
        text: 'identified: found it',
      },
    );
    const service = new IncidentService(h.deps);
    const view = await service.publicView(new Date('2026-01-05T08:00:00Z'));
    expect(view.map((v) => v.incident.number)).toEqual([13, 12]);
    expect(view[0]!.updates.map((u) => u.text)).toEqual(['identified: found it', 'investigating: looking']);
    expect((await service.publicView(resolvedAt)).map((v) => v.incident.number)).toEqual([15, 13, 12]);
  });

  it('counts pending steps and reads the timeline of a known incident; an unknown one is not found', async () => {
    const h = inMemoryIncidentDeps(incidents());
    await h.records.steps.add(h.deps.store, 7, h.clock.now(), [{ key: 'k', payload: { kind: 'refresh' } }]);
    const service = new IncidentService(h.deps);
    expect(await service.pendingSteps(12)).toBe(1);
    expect(await service.pendingSteps(13)).toBe(0);
    expect(await service.timeline(12)).toEqual([]);
    await expect(service.pendingSteps(99)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads an incident’s page; none for one never paged or unknown', async () => {
    const h = inMemoryIncidentDeps(incidents());
    h.records.pageRows.set(7, seedPage());
    const service = new IncidentService(h.deps);
    expect(await service.page(12)).toEqual(seedPage());
    expect(await service.page(13)).toBeUndefined();
    expect(await service.page(99)).toBeUndefined();
  });
});
