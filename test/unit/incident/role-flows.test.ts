import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UsageError } from '../../../src/core/errors.js';
import { addNote, assignRole } from '../../../src/incident/role-flows.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const ADA = { id: 'U0ADA', name: 'ada' };

describe('assignRole (in-memory ports)', () => {
  it('sets the role, records it, and stores the invite and the notice as steps, then runs them', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    const updated = await assignRole(h.deps, 12, 'commander', 'U0BOB', ADA);
    expect(updated.commanderId).toBe('U0BOB');
    expect(h.records.rows.get(12)!.commanderId).toBe('U0BOB');
    expect(h.records.timeline).toEqual([
      expect.objectContaining({
        kind: 'assign',
        actorId: 'U0ADA',
        text: 'Incident Commander: <@U0BOB> (assigned by ada)',
      }),
    ]);
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).toEqual(['invite', 'post', 'refresh']);
    expect(h.records.stepsAdded[0]!.payload).toEqual({ kind: 'invite', users: ['U0BOB'] });
    expect(h.render.calls[0]!.text).toContain('<@U0BOB> is now *Incident Commander* of incident #12');
    expect(h.transactions.count).toBe(1);
    expect(h.ran).toEqual([7]);
  });

  it('refuses a resolved incident and an unknown one, storing nothing', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ resolvedAt: new Date('2026-01-05T07:40:00Z'), status: 'resolved' }),
    ]);
    await expect(assignRole(h.deps, 12, 'lead', 'U0BOB', ADA)).rejects.toBeInstanceOf(ConflictError);
    await expect(assignRole(h.deps, 99, 'lead', 'U0BOB', ADA)).rejects.toBeInstanceOf(NotFoundError);
    expect(h.records.timeline).toEqual([]);
    expect(h.records.stepsAdded).toEqual([]);
    expect(h.ran).toEqual([]);
  });
});

describe('addNote (in-memory ports)', () => {
  it('adds the trimmed note to the timeline, at most 3000 characters', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await addNote(h.deps, 12, `  restarted the primary ${'x'.repeat(4000)}`, ADA);
    const [entry] = h.records.timeline;
    expect(entry).toMatchObject({ kind: 'note', actorName: 'ada', incidentId: 7 });
    expect(entry!.text.startsWith('restarted the primary')).toBe(true);
    expect(entry!.text).toHaveLength(3000);
  });

  it('a note without text is a usage error', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    await expect(addNote(h.deps, 12, '   ', ADA)).rejects.toBeInstanceOf(UsageError);
    expect(h.records.timeline).toEqual([]);
  });
});
