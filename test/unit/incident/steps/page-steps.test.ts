import { describe, expect, it } from 'vitest';
import type { StepRunnerDeps } from '../../../../src/incident/step-runner-deps.js';
import type { PendingStep } from '../../../../src/incident/step-store.js';
import { postPageCard, refreshPageCards } from '../../../../src/incident/steps/page-steps.js';
import { configFrom, MINIMAL_CONFIG } from '../../../helpers/config.js';
import { inMemoryIncidentDeps, openIncident } from '../in-memory-incident-deps.js';
import { seedPage } from '../in-memory-page-records.js';

/** Paging and the step queue are not what these steps use: a test that reaches them fails. */
const unused = <T extends object>(what: string) =>
  new Proxy({} as T, {
    get: (_t, member) => {
      throw new Error(`the step used ${what}.${String(member)}`);
    },
  });

function stepDeps(incident = openIncident({ channelId: 'CINC12' })) {
  const world = inMemoryIncidentDeps([incident]);
  const { deps } = world;
  const runnerDeps: StepRunnerDeps = {
    store: deps.store,
    records: deps.records,
    queue: unused('queue'),
    chat: deps.chat,
    pager: unused('pager'),
    clock: deps.clock,
    log: deps.log,
    reports: deps.reports,
    render: deps.render,
    announcementChannel: 'CANNOUNCE',
    channelCare: configFrom(MINIMAL_CONFIG).incidents.channel,
  };
  return { ...world, runnerDeps, incident };
}

const step = (attempts = 1): PendingStep => ({
  id: 1,
  incidentId: 7,
  key: 'declare:abc:page-card',
  payload: { kind: 'page-card' } as PendingStep['payload'],
  attempts,
  firstAttemptAt: new Date('2026-12-02T05:00:00Z'),
});

describe('page steps on the incident records', () => {
  it('posts the page card once and remembers it by the step; a re-run after it was recorded posts nothing', async () => {
    const { runnerDeps, records, posted, incident } = stepDeps();
    records.pageRows.set(7, seedPage({ incidentId: 7, state: 'triggered' }));
    await postPageCard(runnerDeps, incident, step(), 'P1 pages at once');
    await postPageCard(runnerDeps, incident, step(2), 'P1 pages at once');
    expect(posted.map((p) => p.channel)).toEqual(['CINC12']);
    expect(records.messages).toEqual([
      { incidentId: 7, role: 'page:declare:abc:page-card', channel: 'CINC12', ts: '1.0' },
    ]);
  });

  it('refuses a card with no page to show, or before the channel exists', async () => {
    const { runnerDeps, incident } = stepDeps();
    await expect(postPageCard(runnerDeps, incident, step(), 'why')).rejects.toThrow('no page to show');
    const early = stepDeps(openIncident({ channelId: undefined }));
    await expect(postPageCard(early.runnerDeps, early.incident, step(), 'why')).rejects.toThrow(
      'channel does not exist yet',
    );
  });

  it('edits every page card to the page as it is now', async () => {
    const { runnerDeps, records, chatMembers, incident } = stepDeps();
    records.pageRows.set(7, seedPage({ incidentId: 7, state: 'triggered' }));
    await records.steps.add(runnerDeps.store, 7, new Date(), [
      { key: 'declare:abc:page-card', payload: step().payload },
    ]);
    await postPageCard(runnerDeps, incident, step(), 'P1 pages at once');
    const edits: { ts: string; text: unknown }[] = [];
    chatMembers.update = async (ref, message) => void edits.push({ ts: ref.ts, text: message });
    await refreshPageCards(runnerDeps, incident, seedPage({ incidentId: 7, state: 'acknowledged' }));
    expect(edits).toHaveLength(1);
    expect(JSON.stringify(edits[0]!.text)).toContain('acknowledged');
  });
});
