import { describe, expect, it } from 'vitest';
import { TIMER_KINDS } from '../../../src/incident/incident-deps.js';
import { updateDueKey, updateOverdue } from '../../../src/incident/update-reminders.js';
import type { DueTimer } from '../../../src/scheduler/timers.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const due = new Date('2026-01-05T07:30:00Z');
const timer = (miss?: number): DueTimer => ({
  id: 1,
  key: updateDueKey(12, due, miss),
  kind: TIMER_KINDS.updateDue,
  dueAt: due,
  attempts: 0,
  payload: { number: 12, dueAt: due.toISOString(), ...(miss ? { miss } : {}) },
});

describe('updateOverdue (in-memory ports)', () => {
  it('nudges the commander in the channel, refreshes the cards and schedules the next reminder', async () => {
    const h = inMemoryIncidentDeps([openIncident({ commanderId: 'U0IC', nextUpdateAt: due })]);
    await updateOverdue(h.deps, timer());
    expect(h.records.stepsAdded.map((s) => s.key)).toEqual([
      `inc-12:${timer().key}:channel`,
      `inc-12:${timer().key}:refresh`,
    ]);
    expect(h.render.calls.map((c) => c.text)).toEqual([
      expect.stringContaining('<@U0IC> the P1 update for incident #12 was due at'),
    ]);
    expect(h.records.timeline).toEqual([
      expect.objectContaining({ kind: 'reminder', incidentId: 7, sourceKey: `reminder:${timer().key}` }),
    ]);
    const every = h.deps.policies.get('P1').updateEveryMinutes!;
    expect(h.scheduled).toEqual([
      {
        key: updateDueKey(12, due, 2),
        kind: TIMER_KINDS.updateDue,
        dueAt: new Date(due.getTime() + every * 60_000),
        payload: { number: 12, dueAt: due.toISOString(), miss: 2 },
      },
    ]);
    expect(h.transactions.count).toBe(1);
    expect(h.ran).toEqual([7]);
  });

  it('from the second miss also tells the announcement thread, broadcast only that once', async () => {
    const h = inMemoryIncidentDeps([openIncident({ nextUpdateAt: due })]);
    await updateOverdue(h.deps, timer(2));
    await updateOverdue(h.deps, timer(3));
    const announcements = h.records.stepsAdded.filter((s) => s.key.endsWith(':announcement'));
    expect(announcements.map((s) => s.payload)).toEqual([
      expect.objectContaining({ kind: 'post', target: 'announcement', broadcast: true }),
      expect.objectContaining({ kind: 'post', target: 'announcement', broadcast: false }),
    ]);
    expect(h.render.calls[0]!.text).toContain('Nobody is commander yet');
    expect(h.render.calls[0]!.text).toContain('(2 updates missed)');
  });

  it('a private incident is never announced', async () => {
    const h = inMemoryIncidentDeps([openIncident({ nextUpdateAt: due, isPrivate: true })]);
    await updateOverdue(h.deps, timer(2));
    expect(h.records.stepsAdded.some((s) => s.key.endsWith(':announcement'))).toBe(false);
  });

  it('a reminder fired again after a crash adds nothing twice', async () => {
    const h = inMemoryIncidentDeps([openIncident({ nextUpdateAt: due })]);
    await updateOverdue(h.deps, timer());
    await updateOverdue(h.deps, timer());
    expect(h.records.stepsAdded).toHaveLength(2);
    expect(h.records.timeline).toHaveLength(1);
  });

  it('ends the chain when an update moved the due time on, or the incident is resolved or gone', async () => {
    const moved = inMemoryIncidentDeps([openIncident({ nextUpdateAt: new Date('2026-01-05T08:00:00Z') })]);
    const resolved = inMemoryIncidentDeps([openIncident({ nextUpdateAt: due, resolvedAt: due })]);
    const gone = inMemoryIncidentDeps([]);
    for (const h of [moved, resolved, gone]) {
      await updateOverdue(h.deps, timer());
      expect(h.records.stepsAdded).toEqual([]);
      expect(h.scheduled).toEqual([]);
      expect(h.ran).toEqual([]);
    }
  });

  it('a severity without an update cadence is reminded once, not rescheduled', async () => {
    const h = inMemoryIncidentDeps([openIncident({ severity: 'P3', nextUpdateAt: due })]);
    await updateOverdue(h.deps, timer());
    expect(h.records.stepsAdded).toHaveLength(2);
    expect(h.scheduled).toEqual([]);
  });
});
