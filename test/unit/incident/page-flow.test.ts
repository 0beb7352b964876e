import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../src/core/errors.js';
import { pageIncident } from '../../../src/incident/page-flow.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const ADA = { id: 'U0ADA', name: 'ada' };

describe('pageIncident (in-memory ports)', () => {
  it('records the decision and stores the page and its card as steps, in one transaction, then runs them', async () => {
    const h = inMemoryIncidentDeps([openIncident({ severity: 'P3' })]);
    const incident = await pageIncident(h.deps, 12, ADA);
    expect(incident.number).toBe(12);
    expect(h.records.timeline).toEqual([
      expect.objectContaining({
        kind: 'paging',
        actorId: 'U0ADA',
        text: 'Paging decision: requested by ada',
      }),
    ]);
    expect(h.records.stepsAdded.map((s) => s.payload)).toEqual([
      { kind: 'page', reason: 'requested by ada' },
      { kind: 'page-card', reason: 'requested by ada' },
    ]);
    expect(h.transactions.count).toBe(1);
    expect(new Set(h.records.writes.map((w) => w.tx))).toEqual(new Set([1]));
    expect(h.ran).toEqual([7]);
  });

  it('refuses a resolved incident and an unknown one, storing nothing', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ status: 'resolved', resolvedAt: new Date('2026-01-05T07:40:00Z') }),
    ]);
    await expect(pageIncident(h.deps, 12, ADA)).rejects.toBeInstanceOf(ConflictError);
    await expect(pageIncident(h.deps, 99, ADA)).rejects.toBeInstanceOf(NotFoundError);
    expect(h.records.writes).toEqual([]);
    expect(h.ran).toEqual([]);
  });
});
