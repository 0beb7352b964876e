import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/core/errors.js';
import { changePage } from '../../../src/incident/page-updates.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';
import { seedPage } from './in-memory-page-records.js';

const queued = () =>
  seedPage({
    state: 'queued',
    vendor: {},
    assignees: [],
    escalationPolicy: undefined,
    escalationLevel: undefined,
  });

describe('changePage (in-memory ports)', () => {
  it('moves the page on, then edits its cards and the reports, which show it', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    h.records.pageRows.set(7, queued());
    const update = await changePage(h.deps, 12, {
      state: 'triggered',
      vendor: { id: 'PD-INC-1', url: 'https://acme.pagerduty.com/incidents/PD-INC-1' },
      assignees: ['Grace'],
    });
    expect(update).toMatchObject({
      changed: true,
      before: { state: 'queued' },
      after: { state: 'triggered' },
    });
    expect(update!.after).toMatchObject({
      vendor: { id: 'PD-INC-1', url: 'https://acme.pagerduty.com/incidents/PD-INC-1' },
      assignees: ['Grace'],
    });
    expect(h.records.pageRows.get(7)).toEqual(update!.after);
    expect(h.refreshed).toEqual([
      { what: 'page-cards', incident: 12, page: update!.after },
      { what: 'reports', incident: 12 },
    ]);
  });

  it('a late report never moves the page back; what changes nothing on the card edits nothing', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    h.records.pageRows.set(7, seedPage({ state: 'acknowledged', acknowledgedBy: 'Grace' }));
    const late = await changePage(h.deps, 12, { state: 'triggered', note: null, delayedSince: null });
    expect(late).toMatchObject({ changed: false, after: { state: 'acknowledged', acknowledgedBy: 'Grace' } });
    // Vendor details fill in what is known and never blank it.
    const same = await changePage(h.deps, 12, { vendor: { number: 101 }, escalationPolicy: 'Checkout' });
    expect(same?.changed).toBe(false);
    expect(same?.after.vendor).toEqual(seedPage().vendor);
    expect(h.refreshed).toEqual([]);
    const resolved = await changePage(h.deps, 12, { state: 'resolved', resolvedBy: 'Grace', assignees: [] });
    expect(resolved).toMatchObject({ changed: true, after: { state: 'resolved', assignees: [] } });
    expect(h.refreshed).toHaveLength(2);
  });

  it('with `from`, applies only in those states (then any state, and null clears the note)', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    h.records.pageRows.set(7, seedPage());
    expect(await changePage(h.deps, 12, { state: 'failed', note: 'bad key' }, ['queued', 'delayed'])).toBe(
      undefined,
    );
    expect(h.records.pageRows.get(7)).toEqual(seedPage());
    h.records.pageRows.set(
      7,
      seedPage({ state: 'delayed', note: 'timeout', delayedSince: new Date('2026-01-05T07:02:00Z') }),
    );
    const delivered = await changePage(h.deps, 12, { state: 'triggered', note: null, delayedSince: null }, [
      'queued',
      'delayed',
    ]);
    expect(delivered?.before.state).toBe('delayed');
    expect(delivered?.after).toMatchObject({ state: 'triggered', note: undefined, delayedSince: undefined });
    expect(h.records.writes.map((w) => w.op)).toEqual(['applyPage']);
  });

  it('an incident never paged gets undefined and no card edit; an unknown one is not found', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    expect(await changePage(h.deps, 12, { state: 'triggered' })).toBeUndefined();
    await expect(changePage(h.deps, 99, { state: 'triggered' })).rejects.toBeInstanceOf(NotFoundError);
    expect(h.refreshed).toEqual([]);
    expect(h.records.writes).toEqual([]);
  });
});
