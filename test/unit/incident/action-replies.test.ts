import { describe, expect, it } from 'vitest';
import { tellAction } from '../../../src/incident/action-replies.js';
import { MAIN_CARD_ROLE } from '../../../src/incident/cards.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const message = { text: 'restart of web: done' };

describe('tellAction (in-memory ports)', () => {
  it('records the operation, and tells the incident channel and its card thread', async () => {
    const h = inMemoryIncidentDeps([openIncident()]);
    h.records.messages.push({ incidentId: 7, role: MAIN_CARD_ROLE, channel: 'C0ANN', ts: '111.1' });
    await tellAction(h.deps, { incidentNumber: 12, channelId: 'C0OPS' }, message);
    expect(h.records.timeline).toEqual([expect.objectContaining({ kind: 'action', text: message.text })]);
    expect(h.posted).toEqual([
      { channel: 'C0INC12', message },
      { channel: h.deps.settings.announcementChannel, message, threadTs: '111.1' },
    ]);
  });

  it('typed in the incident channel, it is not repeated there; a private incident’s card is not told', async () => {
    const h = inMemoryIncidentDeps([openIncident({ isPrivate: true })]);
    h.records.messages.push({ incidentId: 7, role: MAIN_CARD_ROLE, channel: 'C0ANN', ts: '111.1' });
    await tellAction(h.deps, { incidentNumber: 12, channelId: 'C0INC12' }, message);
    expect(h.records.timeline).toHaveLength(1);
    expect(h.posted).toEqual([]);
  });

  it('a resolved incident only records it; none or an unknown one is told nothing', async () => {
    const h = inMemoryIncidentDeps([openIncident({ resolvedAt: new Date('2026-01-05T07:40:00Z') })]);
    await tellAction(h.deps, { incidentNumber: 12, channelId: 'C0OPS' }, message);
    expect(h.records.timeline).toHaveLength(1);
    await tellAction(h.deps, { channelId: 'C0OPS' }, message);
    await tellAction(h.deps, { incidentNumber: 99, channelId: 'C0OPS' }, message);
    expect(h.records.timeline).toHaveLength(1);
    expect(h.posted).toEqual([]);
  });

  it('a long message is kept to 2000 characters in the timeline', async () => {
    const h = inMemoryIncidentDeps([openIncident({ resolvedAt: new Date('2026-01-05T07:40:00Z') })]);
    await tellAction(h.deps, { incidentNumber: 12, channelId: 'C0OPS' }, { text: 'x'.repeat(3000) });
    expect(h.records.timeline[0]!.text).toHaveLength(2000);
  });
});
