import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UsageError } from '../../../src/core/errors.js';
import { TIMER_KINDS, timerKeys } from '../../../src/incident/incident-deps.js';
import { postMortemDue, recordPostMortem } from '../../../src/incident/post-mortem-flow.js';
import type { DueTimer } from '../../../src/scheduler/timers.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const ADA = { id: 'U0ADA', name: 'ada' };
const URL = 'https://wiki.example.com/pm/12';
const resolved = (over = {}) =>
  openIncident({
    status: 'resolved',
    resolvedAt: new Date('2026-01-05T07:40:00Z'),
    commanderId: 'U0IC',
    ...over,
  });
const due = (round?: number): DueTimer => ({
  id: 1,
  key: round ? `${timerKeys.postMortem(12)}:${round}` : timerKeys.postMortem(12),
  kind: TIMER_KINDS.postMortem,
  dueAt: new Date('2026-01-06T07:40:00Z'),
  attempts: 0,
  payload: { number: 12, ...(round ? { round } : {}) },
});

describe('postMortemDue (in-memory ports)', () => {
  it('reminds the commander in the channel, once per timer, and schedules the next round', async () => {
    const h = inMemoryIncidentDeps([resolved()]);
    const now = h.clock.now();
    await postMortemDue(h.deps, due());
    expect(h.render.calls[0]!.text).toContain('<@U0IC> the post-mortem for incident #12 is due');
    expect(h.records.timeline).toEqual([
      expect.objectContaining({ kind: 'reminder', sourceKey: `reminder:${timerKeys.postMortem(12)}` }),
    ]);
    expect(h.records.stepsAdded.map((s) => [s.key, s.payload.kind])).toEqual([
      [`inc-12:${timerKeys.postMortem(12)}`, 'post'],
    ]);
    expect(h.scheduled).toEqual([
      {
        key: `${timerKeys.postMortem(12)}:2`,
        kind: TIMER_KINDS.postMortem,
        dueAt: new Date(now.getTime() + h.deps.settings.postMortemReminderHours * 3_600_000),
        payload: { number: 12, round: 2 },
      },
    ]);
    expect(h.transactions.count).toBe(1);
    expect(new Set(h.records.writes.map((w) => w.tx))).toEqual(new Set([1]));
    expect(h.ran).toEqual([7]);

    // The same timer again (a retry) records and posts nothing new.
    await postMortemDue(h.deps, due());
    expect(h.records.timeline).toHaveLength(1);
    expect(h.records.stepsAdded).toHaveLength(1);
  });

  it('the last round says so and schedules no more', async () => {
    const h = inMemoryIncidentDeps([resolved()]);
    await postMortemDue(h.deps, due(h.deps.settings.postMortemReminders));
    expect(h.render.calls[0]!.text).toContain('the last one: no more after this');
    expect(h.scheduled).toEqual([]);
  });

  it('nothing for an open incident, one with its post-mortem, or one that is gone', async () => {
    const h = inMemoryIncidentDeps([openIncident(), resolved({ id: 8, number: 13, postMortemUrl: URL })]);
    await postMortemDue(h.deps, due());
    await postMortemDue(h.deps, { ...due(), payload: { number: 13 } });
    await postMortemDue(h.deps, { ...due(), payload: { number: 99 } });
    expect(h.records.writes).toEqual([]);
    expect(h.ran).toEqual([]);
  });
});

describe('recordPostMortem (in-memory ports)', () => {
  it('stores the link, records it and tells the channel and the announcement', async () => {
    const h = inMemoryIncidentDeps([resolved()]);
    const updated = await recordPostMortem(h.deps, 12, URL, ADA);
    expect(updated.postMortemUrl).toBe(URL);
    expect(h.records.rows.get(12)!.postMortemUrl).toBe(URL);
    expect(h.records.timeline).toEqual([
      expect.objectContaining({ kind: 'post-mortem', actorId: 'U0ADA', text: `Post-mortem: ${URL}` }),
    ]);
    expect(h.records.stepsAdded.map((s) => s.payload)).toEqual([
      { kind: 'post', target: 'channel', message: expect.anything() },
      { kind: 'post', target: 'announcement', message: expect.anything() },
      { kind: 'refresh' },
    ]);
    expect(h.render.calls[0]!.text).toContain('<@U0ADA> recorded the post-mortem of incident #12');
    expect(h.transactions.count).toBe(1);
    expect(new Set(h.records.writes.map((w) => w.tx))).toEqual(new Set([1]));
    expect(h.ran).toEqual([7]);
  });

  it('a private incident’s is not announced; a long link is kept to 500 characters', async () => {
    const h = inMemoryIncidentDeps([resolved({ isPrivate: true })]);
    const long = `${URL}/${'x'.repeat(600)}`;
    const updated = await recordPostMortem(h.deps, 12, long, ADA);
    expect(updated.postMortemUrl).toHaveLength(500);
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).toEqual(['post', 'refresh']);
  });

  it('refuses something not a link, an open incident and an unknown one, storing nothing', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await expect(recordPostMortem(h.deps, 12, 'the wiki', ADA)).rejects.toBeInstanceOf(UsageError);
    await expect(recordPostMortem(h.deps, 12, URL, ADA)).rejects.toBeInstanceOf(ConflictError);
    await expect(recordPostMortem(h.deps, 99, URL, ADA)).rejects.toBeInstanceOf(NotFoundError);
    expect(h.records.writes).toEqual([]);
    expect(h.ran).toEqual([]);
  });
});
