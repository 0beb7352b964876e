import { describe, expect, it } from 'vitest';
import { createNoteCommand } from '../../../../commands/incident/changes.js';
import type { IncidentCommandDeps } from '../../../../commands/incident/incident-command-deps.js';
import { UsageError } from '../../../../src/core/errors.js';
import type { Incident } from '../../../../src/incident/model.js';
import { ADA, commandContext, runWith } from '../context.js';

const open = { number: 12, channelId: 'C0INC12' } as Incident;

/** An in-memory incident service: incident 12 owns channel C0INC12; notes are recorded. */
function ports() {
  const notes: unknown[][] = [];
  const deps = {
    incidents: {
      byChannel: async (channel: string) => (channel === open.channelId ? open : undefined),
      note: async (...args: unknown[]) => {
        notes.push(args);
        return open;
      },
    },
  } as unknown as IncidentCommandDeps;
  return { deps, notes };
}

describe('incident note: the incident a change is about (in-memory ports)', () => {
  it('note: a leading number names the incident; otherwise the channel’s incident', async () => {
    const p = ports();
    const note = createNoteCommand(p.deps);
    await runWith(note, ['#13', 'failed', 'over']);
    await runWith(note, ['still', 'failing'], commandContext({ channel: { id: 'C0INC12', name: 'inc-12' } }));
    expect(p.notes).toEqual([
      [13, 'failed over', ADA],
      [12, 'still failing', ADA],
    ]);
  });

  it('outside an incident channel, without a number, it says which incident to name', async () => {
    const p = ports();
    await expect(runWith(createNoteCommand(p.deps), ['hello'])).rejects.toBeInstanceOf(UsageError);
    expect(p.notes).toEqual([]);
  });
});
