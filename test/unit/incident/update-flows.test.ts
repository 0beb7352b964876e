import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UsageError } from '../../../src/core/errors.js';
import { TIMER_KINDS, timerKeys } from '../../../src/incident/incident-deps.js';
import { changeSeverity, PUBLIC_UPDATE, updateIncident } from '../../../src/incident/update-flows.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const ADA = { id: 'U0ADA', name: 'ada' };
const resolved = () => openIncident({ status: 'resolved', resolvedAt: new Date('2026-01-05T07:40:00Z') });

/** Every write the flow made ran in the one transaction it opened. */
function inOneTransaction(h: ReturnType<typeof inMemoryIncidentDeps>) {
  expect(h.transactions.count).toBe(1);
  expect(h.records.writes.length).toBeGreaterThan(0);
  expect(new Set(h.records.writes.map((w) => w.tx))).toEqual(new Set([1]));
}

describe('updateIncident (in-memory ports)', () => {
  it('moves the status, records the update, stores its posts and schedules the next update due', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const now = h.clock.now();
    const updated = await updateIncident(
      h.deps,
      12,
      { status: 'identified', text: ' the cache is full ' },
      ADA,
    );
    const due = h.deps.policies.nextUpdateAt('P1', now)!;
    expect(updated).toMatchObject({ status: 'identified', lastUpdateAt: now, nextUpdateAt: due });
    expect(h.records.rows.get(12)).toMatchObject({
      status: 'identified',
      lastUpdateAt: now,
      nextUpdateAt: due,
    });
    expect(h.records.timeline).toEqual([
      expect.objectContaining({
        kind: 'update',
        actorId: 'U0ADA',
        text: 'Update (investigating → identified): the cache is full',
      }),
    ]);
    expect(h.records.stepsAdded.map((s) => s.payload)).toEqual([
      { kind: 'post', target: 'channel', message: { text: 'update #12 identified: the cache is full' } },
      { kind: 'post', target: 'announcement', message: { text: 'update #12 identified: the cache is full' } },
      { kind: 'refresh' },
    ]);
    expect(h.scheduled).toEqual([
      {
        key: timerKeys.updateDue(12, due),
        kind: TIMER_KINDS.updateDue,
        dueAt: due,
        payload: { number: 12, dueAt: due.toISOString() },
      },
    ]);
    inOneTransaction(h);
    expect(h.ran).toEqual([7]);
  });

  it('a public update is also recorded as the status page shows it; a private incident announces briefly', async () => {
    const h = inMemoryIncidentDeps([openIncident({ isPrivate: true })]);
    await updateIncident(h.deps, 12, { status: 'investigating', text: 'still looking', isPublic: true }, ADA);
    expect(h.records.timeline.map((t) => [t.kind, t.text])).toEqual([
      ['update', 'Update (investigating): still looking'],
      [PUBLIC_UPDATE, 'investigating: still looking'],
    ]);
    expect(h.records.stepsAdded[1]!.payload).toEqual({
      kind: 'post',
      target: 'announcement',
      message: { text: 'private announcement #12 updated' },
    });
  });

  it('a severity without an update cadence leaves no update due and schedules nothing', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ severity: 'P3', nextUpdateAt: new Date('2026-01-05T08:00:00Z') }),
    ]);
    const updated = await updateIncident(h.deps, 12, { status: 'monitoring', text: 'fixed, watching' }, ADA);
    expect(updated.nextUpdateAt).toBeUndefined();
    expect(h.records.rows.get(12)!.nextUpdateAt).toBeUndefined();
    expect(h.scheduled).toEqual([]);
  });

  it('refuses an empty text, a move back, a resolved incident and an unknown one, storing nothing', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ status: 'monitoring' }),
      { ...resolved(), id: 8, number: 13 },
    ]);
    await expect(
      updateIncident(h.deps, 12, { status: 'identified', text: '  ' }, ADA),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(updateIncident(h.deps, 12, { status: 'identified', text: 'x' }, ADA)).rejects.toThrow(
      /cannot go back from monitoring to identified/,
    );
    await expect(updateIncident(h.deps, 12, { status: 'resolved', text: 'x' }, ADA)).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(updateIncident(h.deps, 13, { status: 'identified', text: 'x' }, ADA)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(updateIncident(h.deps, 99, { status: 'identified', text: 'x' }, ADA)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(h.records.rows.get(12)!.status).toBe('monitoring');
    expect(h.records.timeline).toEqual([]);
    expect(h.records.stepsAdded).toEqual([]);
    expect(h.ran).toEqual([]);
  });

  it('resolved between the read and the write: a conflict, and nothing else is stored', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const byNumber = h.records.incidents.byNumber;
    // Someone resolves it right after this flow read it open.
    h.records.incidents.byNumber = async (db, n) => {
      const read = await byNumber(db, n);
      Object.assign(h.records.rows.get(12)!, { status: 'resolved', resolvedAt: new Date() });
      return read;
    };
    await expect(updateIncident(h.deps, 12, { status: 'identified', text: 'x' }, ADA)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(h.records.timeline).toEqual([]);
    expect(h.records.stepsAdded).toEqual([]);
    expect(h.scheduled).toEqual([]);
  });
});

describe('changeSeverity (in-memory ports)', () => {
  it('raising to P0 pages now: severity, timeline, posts, page steps and the update cadence in one transaction', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const now = h.clock.now();
    const updated = await changeSeverity(h.deps, 12, 'p0', 'customers are churning', ADA);
    const due = h.deps.policies.nextUpdateAt('P0', now)!;
    expect(updated).toMatchObject({ severity: 'P0', nextUpdateAt: due });
    expect(h.records.rows.get(12)).toMatchObject({ severity: 'P0', nextUpdateAt: due });
    expect(h.records.timeline.map((t) => [t.kind, t.text])).toEqual([
      ['severity', 'Severity raised P1 → P0 by ada: customers are churning'],
      ['paging', expect.stringMatching(/^Paging decision: /)],
    ]);
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).toEqual([
      'post',
      'post',
      'refresh',
      'page',
      'page-card',
    ]);
    expect(h.render.calls[0]!.text).toContain('⬆️ Incident #12: Severity raised P1 → P0 by <@U0ADA>');
    expect(h.cancelled).toEqual([timerKeys.page(12)]);
    expect(h.scheduled.map((s) => s.key)).toEqual([timerKeys.updateDue(12, due)]);
    inOneTransaction(h);
    expect(h.ran).toEqual([7]);
  });

  it('lowering to P3 withdraws a pending page, leaves no update due, and a private incident is not announced', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ isPrivate: true, nextUpdateAt: new Date('2026-01-05T07:30:00Z') }),
    ]);
    const updated = await changeSeverity(h.deps, 12, 'P3', '', ADA);
    expect(updated.nextUpdateAt).toBeUndefined();
    expect(h.records.timeline.map((t) => t.text)).toEqual(['Severity lowered P1 → P3 by ada']);
    expect(h.records.stepsAdded.map((s) => s.payload)).toEqual([
      { kind: 'post', target: 'channel', message: expect.anything() },
      { kind: 'refresh' },
    ]);
    expect(h.cancelled).toEqual([timerKeys.page(12)]);
    expect(h.scheduled).toEqual([]);
  });

  it('an acknowledged incident is not re-paged', async () => {
    const h = inMemoryIncidentDeps([openIncident({ acknowledgedAt: new Date('2026-01-05T07:05:00Z') })]);
    await changeSeverity(h.deps, 12, 'P0', '', ADA);
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).toEqual(['post', 'post', 'refresh']);
    expect(h.records.timeline.map((t) => t.kind)).toEqual(['severity']);
    expect(h.cancelled).toEqual([]);
  });

  it('refuses the same severity, an unknown one, a resolved incident and an unknown incident', async () => {
    const h = inMemoryIncidentDeps([openIncident(), { ...resolved(), id: 8, number: 13 }]);
    await expect(changeSeverity(h.deps, 12, 'P1', '', ADA)).rejects.toBeInstanceOf(UsageError);
    await expect(changeSeverity(h.deps, 12, 'P9', '', ADA)).rejects.toThrow();
    await expect(changeSeverity(h.deps, 13, 'P0', '', ADA)).rejects.toBeInstanceOf(ConflictError);
    await expect(changeSeverity(h.deps, 99, 'P0', '', ADA)).rejects.toBeInstanceOf(NotFoundError);
    expect(h.records.rows.get(12)!.severity).toBe('P1');
    expect(h.records.writes).toEqual([]);
    expect(h.ran).toEqual([]);
  });
});
