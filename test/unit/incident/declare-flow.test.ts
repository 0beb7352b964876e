import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { declareIncident } from '../../../src/incident/declare-flow.js';
import { TIMER_KINDS, timerKeys } from '../../../src/incident/incident-deps.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const ADA = { id: 'U0ADA', name: 'ada' };

describe('declareIncident (in-memory ports)', () => {
  it('stores the incident with the next number, its timeline, steps and timers in one transaction, then runs them', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const now = h.clock.now();
    const { incident, created } = await declareIncident(
      h.deps,
      { title: '  checkout   is failing ', severity: 'p1', services: ['web', 'web'], requestKey: 'k1' },
      ADA,
    );
    expect(created).toBe(true);
    expect(incident).toMatchObject({
      number: 13,
      title: 'checkout is failing',
      severity: 'P1',
      status: 'investigating',
      services: ['web'],
      commanderId: 'U0ADA',
      declaredById: 'U0ADA',
      declaredAt: now,
      nextUpdateAt: h.deps.policies.nextUpdateAt('P1', now),
    });
    expect(h.records.timeline.map((t) => [t.incidentId, t.kind])).toEqual([
      [incident.id, 'declared'],
      [incident.id, 'paging'],
    ]);
    expect(h.records.timeline[0]!.text).toBe('Declared P1: checkout is failing');
    const kinds = h.records.stepsAdded.map((s) => s.payload.kind);
    expect(kinds[0]).toBe('channel');
    expect(kinds.at(-1)).toBe('channel-care');
    expect(h.records.stepsAdded.every((s) => s.incidentId === incident.id)).toBe(true);
    expect(h.scheduled.map((s) => s.kind)).toEqual([TIMER_KINDS.page, TIMER_KINDS.updateDue]);
    expect(h.transactions.count).toBe(1);
    expect(new Set(h.records.writes.map((w) => w.tx))).toEqual(new Set([1]));
    expect(h.ran).toEqual([incident.id]);
  });

  it('the same request key again returns the first incident and stores nothing more (idempotent)', async () => {
    const h = inMemoryIncidentDeps();
    const first = await declareIncident(h.deps, { title: 'db down', severity: 'P2', requestKey: 'k1' }, ADA);
    const stored = { timeline: h.records.timeline.length, steps: h.records.stepsAdded.length };
    const again = await declareIncident(h.deps, { title: 'db down', severity: 'P2', requestKey: 'k1' }, ADA);
    expect(again).toEqual({ incident: first.incident, created: false });
    expect(h.records.rows.size).toBe(1);
    expect({ timeline: h.records.timeline.length, steps: h.records.stepsAdded.length }).toEqual(stored);
  });

  it('without a commander a severity that needs one arms the commander check', async () => {
    const h = inMemoryIncidentDeps();
    const { incident } = await declareIncident(
      h.deps,
      { title: 'db down', severity: 'P0', commanderId: null },
      ADA,
    );
    expect(incident.commanderId).toBeUndefined();
    const check = h.scheduled.some((s) => s.key === timerKeys.commanderCheck(incident.number));
    expect(check).toBe(h.deps.policies.get('P0').requireCommander);
  });

  it('refuses an empty or long title, an unknown severity or service, storing nothing', async () => {
    const h = inMemoryIncidentDeps();
    await expect(declareIncident(h.deps, { title: ' ', severity: 'P1' }, ADA)).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(
      declareIncident(h.deps, { title: 'x'.repeat(151), severity: 'P1' }, ADA),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(declareIncident(h.deps, { title: 'x', severity: 'P9' }, ADA)).rejects.toThrow();
    await expect(
      declareIncident(h.deps, { title: 'x', severity: 'P1', services: ['nope'] }, ADA),
    ).rejects.toBeInstanceOf(UsageError);
    expect(h.records.writes).toEqual([]);
    expect(h.transactions.count).toBe(0);
  });
});
