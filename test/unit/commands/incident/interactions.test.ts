import { describe, expect, it } from 'vitest';
import type { IncidentCommandDeps } from '../../../../commands/incident/incident-command-deps.js';
import { createIncidentActions } from '../../../../commands/incident/interactions.js';
import { ConflictError, NotFoundError } from '../../../../src/core/errors.js';
import type { Incident } from '../../../../src/incident/model.js';
import { click } from '../context.js';

const open = { number: 12, channelId: 'C0INC12' } as Incident;
const resolved = { number: 13, resolvedAt: new Date('2026-12-02T09:00:00Z') } as Incident;

/** An in-memory incident service over two incidents; modals opened and notes are recorded. */
function ports() {
  const modals: string[] = [];
  const notes: unknown[][] = [];
  const byNumber = new Map([open, resolved].map((i) => [i.number, i]));
  const deps = {
    incidents: {
      get: async (n: number) => byNumber.get(n),
      byChannel: async (channel: string) => [open, resolved].find((i) => i.channelId === channel),
      note: async (...args: unknown[]) => {
        notes.push(args);
        return open;
      },
    },
    chat: {
      openModal: async (_trigger: string, view: { callback_id?: string }) =>
        void modals.push(view.callback_id ?? ''),
    },
  } as unknown as IncidentCommandDeps;
  return { deps, modals, notes };
}

describe('incident buttons (against an in-memory incident service)', () => {
  it('Update opens the form in Slack for an open incident', async () => {
    const p = ports();
    const reply = await createIncidentActions(p.deps).update!.run(click('12', { triggerId: 'T-9' }));
    expect(reply).toBeUndefined();
    expect(p.modals).toHaveLength(1);
  });

  it('in the console, a form button names the command to type instead', async () => {
    const p = ports();
    const reply = await createIncidentActions(p.deps).resolve!.run(click('12', { mode: 'console' }));
    expect(String(reply?.text)).toContain('`/bers incident resolve 12 <resolution…> [root cause: <cause…>]`');
    expect(p.modals).toEqual([]);
  });

  it('a resolved incident takes no more updates; an unknown one is not found', async () => {
    const actions = createIncidentActions(ports().deps);
    await expect(actions.update!.run(click('13', { triggerId: 'T-9' }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(actions.assign!.run(click('99', { triggerId: 'T-9' }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
