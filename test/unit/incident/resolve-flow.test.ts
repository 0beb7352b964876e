import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UsageError } from '../../../src/core/errors.js';
import { TIMER_KINDS, timerKeys } from '../../../src/incident/incident-deps.js';
import { acknowledgeIncident, resolveIncident } from '../../../src/incident/resolve-flow.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const ADA = { id: 'U0ADA', name: 'ada' };
const BOB = { id: 'U0BOB', name: 'bob' };
const resolvedAt = new Date('2026-01-05T07:40:00Z');

function inOneTransaction(h: ReturnType<typeof inMemoryIncidentDeps>) {
  expect(h.transactions.count).toBe(1);
  expect(new Set(h.records.writes.map((w) => w.tx))).toEqual(new Set([1]));
}

describe('acknowledgeIncident (in-memory ports)', () => {
  it('records who acknowledged, tells the pager, refreshes the cards, then runs the steps', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const at = h.clock.now();
    const result = await acknowledgeIncident(h.deps, 12, ADA);
    expect(result.acknowledged).toBe(true);
    expect(result.incident).toMatchObject({
      acknowledgedAt: at,
      acknowledgedBy: 'ada',
      acknowledgedById: 'U0ADA',
    });
    expect(h.records.timeline).toEqual([
      expect.objectContaining({ kind: 'acknowledged', actorId: 'U0ADA', text: 'Acknowledged by ada' }),
    ]);
    expect(h.records.stepsAdded.map((s) => s.payload)).toEqual([
      { kind: 'pager-acknowledge', by: 'ada' },
      { kind: 'refresh' },
    ]);
    inOneTransaction(h);
    expect(h.ran).toEqual([7]);
  });

  it('from the pager: its time and name, no Slack id, and nothing sent back to it', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const at = new Date('2026-01-05T07:03:00Z');
    const result = await acknowledgeIncident(
      h.deps,
      12,
      { id: 'PD', name: 'Grace' },
      { at, fromPager: true },
    );
    expect(result.incident).toMatchObject({ acknowledgedAt: at, acknowledgedBy: 'Grace' });
    expect(result.incident.acknowledgedById).toBeUndefined();
    expect(h.records.timeline[0]).toMatchObject({
      actorId: undefined,
      text: 'Acknowledged by Grace (pager)',
    });
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).toEqual(['refresh']);
  });

  it('a second acknowledgement keeps the first and stores nothing (idempotent)', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await acknowledgeIncident(h.deps, 12, ADA);
    const again = await acknowledgeIncident(h.deps, 12, BOB);
    expect(again.acknowledged).toBe(false);
    expect(again.incident).toMatchObject({ acknowledgedBy: 'ada' });
    expect(h.records.timeline).toHaveLength(1);
    expect(h.records.stepsAdded).toHaveLength(2);
    expect(h.ran).toEqual([7]);
  });

  it('a resolved incident is not acknowledged; an unknown one is not found', async () => {
    const h = inMemoryIncidentDeps([openIncident({ status: 'resolved', resolvedAt })]);
    const result = await acknowledgeIncident(h.deps, 12, ADA);
    expect(result.acknowledged).toBe(false);
    expect(result.incident.acknowledgedAt).toBeUndefined();
    await expect(acknowledgeIncident(h.deps, 99, ADA)).rejects.toBeInstanceOf(NotFoundError);
    expect(h.records.timeline).toEqual([]);
    expect(h.records.stepsAdded).toEqual([]);
    expect(h.ran).toEqual([]);
  });
});

describe('resolveIncident (in-memory ports)', () => {
  it('resolves once: the row, the timeline, the reports and the pager as steps, the reminders rearranged', async () => {
    const h = inMemoryIncidentDeps([openIncident({ nextUpdateAt: new Date('2026-01-05T07:30:00Z') })]);
    h.deps.settings.channel.archiveAfterDays = 3;
    const now = h.clock.now();
    const resolved = await resolveIncident(
      h.deps,
      12,
      { resolution: ' rolled back ', rootCause: ' a bad release ' },
      ADA,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedAt: now,
      resolvedBy: 'U0ADA',
      resolution: 'rolled back',
      rootCause: 'a bad release',
    });
    expect(resolved.nextUpdateAt).toBeUndefined();
    expect(h.records.rows.get(12)).toMatchObject({ status: 'resolved', resolvedAt: now });
    expect(h.records.timeline.map((t) => t.text)).toEqual([
      'Resolved: rolled back (root cause: a bad release)',
    ]);
    // The post-mortem draft is written from the timeline as it is inside the transaction.
    expect(h.reports.calls.find((c) => c.report === 'postMortem')!.timeline).toHaveLength(1);
    expect(h.records.stepsAdded.map((s) => [s.key, s.payload.kind])).toEqual([
      ['inc-12:resolve:channel', 'post'],
      ['inc-12:resolve:announcement', 'post'],
      ['inc-12:resolve:post-mortem', 'post'],
      ['inc-12:resolve:pager', 'pager-resolve'],
      ['inc-12:resolve:refresh', 'refresh'],
      ['inc-12:resolve:post-mortem-file', 'post-mortem-file'],
    ]);
    expect(h.records.stepsAdded[1]!.payload).toMatchObject({ broadcast: true });
    expect(h.scheduled.map((s) => [s.key, s.kind, s.dueAt])).toEqual([
      [
        timerKeys.postMortem(12),
        TIMER_KINDS.postMortem,
        new Date(now.getTime() + h.deps.settings.postMortemReminderHours * 3_600_000),
      ],
      [timerKeys.archive(12), TIMER_KINDS.archive, new Date(now.getTime() + 3 * 86_400_000)],
    ]);
    expect(h.cancelled).toEqual([
      timerKeys.page(12),
      timerKeys.commanderCheck(12),
      'incident:12:update-due:*',
    ]);
    inOneTransaction(h);
    expect(h.ran).toEqual([7]);
  });

  it('from the pager: resolved by the pager person’s name, nothing sent back, no root cause stored', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const resolved = await resolveIncident(
      h.deps,
      12,
      { resolution: 'resolved in PagerDuty', rootCause: '  ' },
      {
        id: 'PD',
        name: 'Grace',
      },
      { fromPager: true },
    );
    expect(resolved).toMatchObject({ resolvedBy: 'Grace' });
    expect(resolved.rootCause).toBeUndefined();
    expect(h.records.timeline[0]).toMatchObject({
      actorId: undefined,
      text: 'Resolved: resolved in PagerDuty',
    });
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).not.toContain('pager-resolve');
    expect(h.scheduled.map((s) => s.key)).toEqual([timerKeys.postMortem(12)]);
  });

  it('the second resolve is a conflict naming the first, and stores nothing more', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await resolveIncident(h.deps, 12, { resolution: 'rolled back' }, ADA);
    const stored = { timeline: h.records.timeline.length, steps: h.records.stepsAdded.length };
    const second = resolveIncident(h.deps, 12, { resolution: 'again' }, BOB);
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toThrow(/already resolved by @U0ADA at/);
    expect(h.records.rows.get(12)!.resolution).toBe('rolled back');
    expect({ timeline: h.records.timeline.length, steps: h.records.stepsAdded.length }).toEqual(stored);
    expect(h.ran).toEqual([7]);
  });

  it('refuses an empty resolution and an unknown incident', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await expect(resolveIncident(h.deps, 12, { resolution: ' ' }, ADA)).rejects.toBeInstanceOf(UsageError);
    await expect(resolveIncident(h.deps, 99, { resolution: 'x' }, ADA)).rejects.toBeInstanceOf(NotFoundError);
    expect(h.records.writes).toEqual([]);
  });
});
