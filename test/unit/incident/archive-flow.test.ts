import { describe, expect, it } from 'vitest';
import { archiveChannelDue } from '../../../src/incident/archive-flow.js';
import { TIMER_KINDS, timerKeys } from '../../../src/incident/incident-deps.js';
import type { DueTimer } from '../../../src/scheduler/timers.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const timer = (number = 12): DueTimer => ({
  id: 1,
  key: timerKeys.archive(number),
  kind: TIMER_KINDS.archive,
  dueAt: new Date('2026-01-08T07:40:00Z'),
  attempts: 0,
  payload: { number },
});
const resolved = (over = {}) =>
  openIncident({ status: 'resolved', resolvedAt: new Date('2026-01-05T07:40:00Z'), ...over });

function harness(incidents: ReturnType<typeof openIncident>[]) {
  const h = inMemoryIncidentDeps(incidents);
  const archived: string[] = [];
  h.chatMembers.archive = async (channel) => void archived.push(channel);
  h.deps.settings.channel.archiveAfterDays = 3;
  return { ...h, archived };
}

describe('archiveChannelDue (in-memory ports)', () => {
  it('says why, archives the channel, then marks it archived and records it in one transaction', async () => {
    const h = harness([resolved()]);
    await archiveChannelDue(h.deps, timer());
    expect(h.posted.map((p) => p.channel)).toEqual(['C0INC12']);
    expect(h.render.calls[0]!.text).toContain('Archiving this channel: incident #12 was resolved 3 days ago');
    expect(h.archived).toEqual(['C0INC12']);
    expect(h.records.rows.get(12)!.archivedAt).toEqual(h.clock.now());
    expect(h.records.timeline).toEqual([
      expect.objectContaining({ kind: 'channel', text: 'Channel archived' }),
    ]);
    expect(h.transactions.count).toBe(1);
    expect(h.records.writes).toEqual([
      { op: 'markArchived', tx: 1 },
      { op: 'addTimeline', tx: 1 },
    ]);

    // Fired again (a retry after the commit): the channel is archived already, nothing happens.
    await archiveChannelDue(h.deps, timer());
    expect(h.archived).toHaveLength(1);
    expect(h.records.timeline).toHaveLength(1);
  });

  it('leaves alone an incident open again, one without a channel, and one that is gone', async () => {
    const h = harness([openIncident(), resolved({ id: 8, number: 13, channelId: undefined })]);
    await archiveChannelDue(h.deps, timer(12));
    await archiveChannelDue(h.deps, timer(13));
    await archiveChannelDue(h.deps, timer(99));
    expect(h.posted).toEqual([]);
    expect(h.archived).toEqual([]);
    expect(h.records.writes).toEqual([]);
  });
});
