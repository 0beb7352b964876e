import { describe, expect, it } from 'vitest';
import { TIMER_KINDS } from '../../../src/incident/incident-deps.js';
import { registerIncidentReminders } from '../../../src/incident/reminders.js';
import type { TimerHandler } from '../../../src/scheduler/timers.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

/** The reminders' handlers by timer kind, registered on a timer port that only keeps them. */
function reminders(h: ReturnType<typeof inMemoryIncidentDeps>) {
  const handlers = new Map<string, TimerHandler>();
  registerIncidentReminders({ on: (kind, handler) => void handlers.set(kind, handler) }, h.deps);
  return (kind: string, payload: Record<string, unknown>) =>
    handlers.get(kind)!({ id: 1, key: `k:${kind}`, kind, dueAt: h.clock.now(), attempts: 0, payload });
}

describe('incident reminders (in-memory ports)', () => {
  it('flags an incident still without a commander, in the timeline and the channel', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await reminders(h)(TIMER_KINDS.commanderCheck, { number: 12 });
    expect(h.records.timeline).toEqual([
      expect.objectContaining({
        kind: 'flag',
        text: expect.stringContaining('P1 incident #12 has no incident commander'),
      }),
    ]);
    expect(h.posted.map((p) => p.channel)).toEqual(['C0INC12']);
  });

  it('says nothing once a commander is assigned or the incident is resolved', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ commanderId: 'U0IC' }),
      openIncident({ id: 8, number: 13, resolvedAt: new Date('2026-01-05T07:10:00Z') }),
    ]);
    const fire = reminders(h);
    await fire(TIMER_KINDS.commanderCheck, { number: 12 });
    await fire(TIMER_KINDS.commanderCheck, { number: 13 });
    expect(h.records.timeline).toEqual([]);
    expect(h.posted).toEqual([]);
  });

  it('a due page stores the page and its card as steps, then runs them', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await reminders(h)(TIMER_KINDS.page, { number: 12, reason: 'P1 unacknowledged for 60 min' });
    expect(h.records.timeline.map((t) => t.text)).toEqual(['Paging on-call: P1 unacknowledged for 60 min']);
    expect(h.records.stepsAdded.map((s) => [s.key, s.payload])).toEqual([
      ['inc-12:timer-page', { kind: 'page', reason: 'P1 unacknowledged for 60 min' }],
      ['inc-12:timer-page-card', { kind: 'page-card', reason: 'P1 unacknowledged for 60 min' }],
    ]);
    expect(h.ran).toEqual([7]);
  });

  it('no page when it was acknowledged in time, and the timeline says why', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ acknowledgedAt: new Date('2026-01-05T07:20:00Z'), acknowledgedBy: 'bob' }),
    ]);
    await reminders(h)(TIMER_KINDS.page, { number: 12, onlyIfUnacknowledged: true });
    expect(h.records.timeline.map((t) => t.text)).toEqual(['No page: acknowledged by bob in time']);
    expect(h.records.stepsAdded).toEqual([]);
  });
});
