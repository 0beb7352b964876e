import { describe, expect, it } from 'vitest';
import { IncidentService } from '../../../src/incident/incident-service.js';
import type { Incident } from '../../../src/incident/model.js';
import { incidentPagerSinks } from '../../../src/incident/pager-event-flows.js';
import type { PagerEvent } from '../../../src/incident/pager-events.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';
import { seedPage } from './in-memory-page-records.js';

const at = new Date('2026-01-05T07:05:00Z');

function event(over: Partial<PagerEvent> = {}): PagerEvent {
  return {
    kind: 'acknowledged',
    deliveryId: 'd1',
    dedupKey: 'bers-incident-12',
    vendorIncident: { id: 'PD-INC-1', number: 101, url: 'https://acme.pagerduty.com/incidents/PD-INC-1' },
    by: 'Grace',
    assignees: ['Grace'],
    occurredAt: at,
    ...over,
  };
}

/** Incident #12 (id 7) paged and triggered in PagerDuty, its webhook events handed to the sink. */
function paged(incident: Partial<Incident> = {}, page = seedPage()) {
  const h = inMemoryIncidentDeps([openIncident(incident)]);
  h.records.pageRows.set(7, page);
  const sink = incidentPagerSinks(new IncidentService(h.deps), h.deps.log, h.clock).events;
  return { ...h, sink };
}

/** P1's `pagerResolve`, on this test's copy of the severities (the config's defaults are shared). */
function pagerResolve(h: ReturnType<typeof paged>, value: 'resolve' | 'notify') {
  const severities = h.deps.settings.severities;
  h.deps.settings.severities = { ...severities, P1: { ...severities.P1!, pagerResolve: value } };
}

const notices = (h: { render: { calls: { kind: string; text: string }[] } }) =>
  h.render.calls.filter((c) => c.kind === 'notice').map((c) => c.text);

describe('PagerDuty webhook events (in-memory ports)', () => {
  it('acknowledged there: the page, the timeline, the incident acknowledged from the pager, the channel told; once', async () => {
    const h = paged();
    await h.sink.pagerEvent(event());
    expect(h.records.pageRows.get(7)).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'Grace' });
    expect(h.records.rows.get(12)).toMatchObject({ acknowledgedAt: at, acknowledgedBy: 'Grace (PagerDuty)' });
    expect(h.records.rows.get(12)!.acknowledgedById).toBeUndefined();
    expect(h.records.timeline.map((t) => [t.kind, t.text, t.sourceKey])).toEqual([
      ['pagerduty-acknowledged', 'Acknowledged in PagerDuty by Grace', 'pagerduty:d1'],
      ['acknowledged', 'Acknowledged by Grace (PagerDuty) (pager)', undefined],
    ]);
    // Nothing goes back to PagerDuty: only the cards are refreshed.
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).toEqual(['refresh']);
    expect(notices(h)).toEqual([':pager: Acknowledged in PagerDuty by Grace']);
    // The same delivery again, and another acknowledgement: nothing new.
    await h.sink.pagerEvent(event());
    await h.sink.pagerEvent(event({ deliveryId: 'd2', by: 'Heidi' }));
    expect(h.records.timeline).toHaveLength(2);
    expect(h.records.pageRows.get(7)!.acknowledgedBy).toBe('Grace');
    expect(notices(h)).toHaveLength(1);
  });

  it('acknowledged here first: PagerDuty’s report keeps who did it here and says nothing', async () => {
    const h = paged(
      { acknowledgedAt: at, acknowledgedBy: 'ada', acknowledgedById: 'U0ADA' },
      seedPage({ state: 'acknowledged', acknowledgedBy: 'ada', vendor: {} }),
    );
    await h.sink.pagerEvent(event({ by: 'Events API' }));
    expect(h.records.pageRows.get(7)).toMatchObject({
      acknowledgedBy: 'ada',
      vendor: { id: 'PD-INC-1', number: 101 },
    });
    expect(h.records.timeline).toEqual([]);
    expect(h.posted).toEqual([]);
  });

  it('resolved there under `pagerResolve: resolve`: resolved here from the pager (nothing sent back); once', async () => {
    const h = paged();
    pagerResolve(h, 'resolve');
    await h.sink.pagerEvent(event({ kind: 'resolved' }));
    expect(h.records.pageRows.get(7)).toMatchObject({
      state: 'resolved',
      resolvedBy: 'Grace',
      assignees: [],
    });
    expect(h.records.rows.get(12)).toMatchObject({
      status: 'resolved',
      resolvedBy: 'Grace (PagerDuty)',
      resolution: 'Resolved in PagerDuty by Grace',
    });
    expect(h.records.stepsAdded.map((s) => s.payload.kind)).not.toContain('pager-resolve');
    expect(h.records.timeline.map((t) => t.kind)).toEqual(['resolved']);
    const steps = h.records.stepsAdded.length;
    await h.sink.pagerEvent(event({ kind: 'resolved' }));
    await h.sink.pagerEvent(event({ kind: 'resolved', deliveryId: 'd2' }));
    expect(h.records.stepsAdded).toHaveLength(steps);
    expect(h.records.timeline).toHaveLength(1);
  });

  it('resolved there under `pagerResolve: notify`: the incident stays open, the channel is told once', async () => {
    const h = paged();
    pagerResolve(h, 'notify');
    await h.sink.pagerEvent(event({ kind: 'resolved' }));
    await h.sink.pagerEvent(event({ kind: 'resolved' }));
    expect(h.records.rows.get(12)!.resolvedAt).toBeUndefined();
    expect(h.records.pageRows.get(7)!.state).toBe('resolved');
    expect(h.records.timeline.map((t) => t.kind)).toEqual(['pagerduty-resolved']);
    expect(notices(h)).toEqual([
      ':pager: Resolved in PagerDuty by Grace. P1 incidents stay open here until someone resolves them: /bers incident resolve 12 &lt;resolution…&gt;',
    ]);
  });

  it('reassigned there: news once per delivery; one asked for here just now is no news', async () => {
    const h = paged();
    const reassigned = event({ kind: 'reassigned', by: 'Heidi', assignees: ['Ivan'] });
    await h.sink.pagerEvent(reassigned);
    await h.sink.pagerEvent(reassigned);
    expect(h.records.pageRows.get(7)!.assignees).toEqual(['Ivan']);
    expect(h.records.timeline.map((t) => t.text)).toEqual(['Reassigned in PagerDuty to Ivan by Heidi']);
    expect(notices(h)).toEqual([':pager: Reassigned in PagerDuty to Ivan by Heidi']);
    await h.records.pagerRequests.targetOf(h.deps.store, h.clock.now(), 'r1', 7, 'reassign', async () => ({
      vendorId: 'PD-INC-1',
      userId: 'PJUDY',
      userName: 'Judy',
    }));
    await h.sink.pagerEvent(event({ kind: 'reassigned', deliveryId: 'd2', assignees: ['Judy'] }));
    expect(h.records.pageRows.get(7)!.assignees).toEqual(['Judy']);
    expect(h.records.timeline).toHaveLength(1);
    expect(notices(h)).toHaveLength(1);
  });

  it('an event for no incident of ours changes nothing', async () => {
    const h = paged();
    await h.sink.pagerEvent(event({ dedupKey: undefined }));
    await h.sink.pagerEvent(event({ dedupKey: 'bers-incident-99' }));
    expect(h.records.pageRows.get(7)).toEqual(seedPage());
    expect(h.records.writes).toEqual([]);
  });
});
