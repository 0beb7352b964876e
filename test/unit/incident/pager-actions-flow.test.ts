import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UnavailableError, UsageError } from '../../../src/core/errors.js';
import type { PagerActions, VendorIncident } from '../../../src/incident/pager-actions.js';
import { escalatePage, madeHereRecently, reassignPage } from '../../../src/incident/pager-actions-flow.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';
import { seedPage } from './in-memory-page-records.js';

const ADA = { id: 'U0ADA', name: 'ada' };
const EMAILS: Record<string, string> = { U0ADA: 'ada@acme.test', U0BOB: 'bob@acme.test' };
const PD_USERS: Record<string, { id: string; name: string }> = {
  'ada@acme.test': { id: 'PADA', name: 'Ada L.' },
  'bob@acme.test': { id: 'PBOB', name: 'Bob M.' },
};

/** PagerDuty's REST API as the flows call it: every call kept, its incident PD-INC-1 at level 1. */
function fakePagerActions(over: Partial<PagerActions> = {}) {
  const calls: unknown[][] = [];
  const vendor = (fields: Partial<VendorIncident> = {}): VendorIncident => ({
    id: 'PD-INC-1',
    number: 101,
    url: 'https://acme.pagerduty.com/incidents/PD-INC-1',
    escalationPolicy: 'Checkout',
    escalationLevel: 1,
    assignees: ['Grace'],
    ...fields,
  });
  const actions: PagerActions = {
    async incidentByKey(key) {
      calls.push(['incidentByKey', key]);
      return vendor();
    },
    async userByEmail(email) {
      calls.push(['userByEmail', email]);
      return PD_USERS[email];
    },
    async reassign(id, user, from) {
      calls.push(['reassign', id, user, from]);
      return vendor({ assignees: ['Bob M.'] });
    },
    async escalate(id, level, from) {
      calls.push(['escalate', id, level, from]);
      return vendor({ escalationLevel: level, assignees: ['Heidi'] });
    },
    ...over,
  };
  return { actions, calls };
}

/** Incident #12 (id 7) with its page triggered in PagerDuty, the REST API and Slack's e-mails given. */
function paged(over: Parameters<typeof fakePagerActions>[0] = {}) {
  const h = inMemoryIncidentDeps([openIncident()]);
  h.records.pageRows.set(7, seedPage());
  const pd = fakePagerActions(over);
  h.deps.pagerActions = pd.actions;
  h.chatMembers.userEmail = async (id: string) => EMAILS[id];
  return { ...h, pd };
}

describe('reassign and escalate, before the page (in-memory ports)', () => {
  it('a resolved incident is a conflict, an unknown one not found, and nothing is stored or asked', async () => {
    const h = inMemoryIncidentDeps([
      openIncident({ status: 'resolved', resolvedAt: new Date('2026-01-05T07:40:00Z') }),
    ]);
    await expect(reassignPage(h.deps, 12, 'U0BOB', ADA, 'r1')).rejects.toBeInstanceOf(ConflictError);
    await expect(escalatePage(h.deps, 12, ADA, 'r2')).rejects.toBeInstanceOf(ConflictError);
    await expect(reassignPage(h.deps, 99, 'U0BOB', ADA, 'r3')).rejects.toBeInstanceOf(NotFoundError);
    await expect(escalatePage(h.deps, 99, ADA, 'r4')).rejects.toBeInstanceOf(NotFoundError);
    await expect(madeHereRecently(h.deps, 99, 'escalated')).rejects.toBeInstanceOf(NotFoundError);
    expect(h.records.writes).toEqual([]);
    expect(h.posted).toEqual([]);
  });

  it('no open page (never paged, failed, resolved in PagerDuty) is a conflict; without the REST API, unavailable', async () => {
    for (const state of [undefined, 'unconfigured', 'failed', 'resolved'] as const) {
      const h = paged();
      if (state) h.records.pageRows.set(7, seedPage({ state }));
      else h.records.pageRows.clear();
      await expect(reassignPage(h.deps, 12, 'U0BOB', ADA, 'r1')).rejects.toThrow(/no open page/);
      await expect(escalatePage(h.deps, 12, ADA, 'r2')).rejects.toThrow(/no open page/);
      expect(h.pd.calls).toEqual([]);
    }
    const h = paged();
    h.deps.pagerActions = undefined;
    await expect(escalatePage(h.deps, 12, ADA, 'r1')).rejects.toBeInstanceOf(UnavailableError);
    expect(h.records.writes).toEqual([]);
  });
});

describe('reassign and escalate through PagerDuty (in-memory ports)', () => {
  it('reassigns as the actor’s own PagerDuty user; the page, the timeline and the channel say it once', async () => {
    const h = paged();
    const vendor = await reassignPage(h.deps, 12, 'U0BOB', ADA, 'r1');
    expect(vendor.assignees).toEqual(['Bob M.']);
    expect(h.pd.calls).toEqual([
      ['userByEmail', 'ada@acme.test'],
      ['userByEmail', 'bob@acme.test'],
      ['reassign', 'PD-INC-1', 'PBOB', 'ada@acme.test'],
    ]);
    expect(h.records.pagerRequestsMade).toEqual([
      {
        requestKey: 'r1',
        incidentId: 7,
        action: 'reassign',
        target: { vendorId: 'PD-INC-1', userId: 'PBOB', userName: 'Bob M.' },
        at: h.clock.now(),
      },
    ]);
    expect(h.records.pageRows.get(7)).toMatchObject({ state: 'triggered', assignees: ['Bob M.'] });
    expect(h.refreshed.map((r) => r.what)).toEqual(['page-cards', 'reports']);
    expect(h.records.timeline).toEqual([
      expect.objectContaining({
        kind: 'paging',
        text: 'Reassigned in PagerDuty to Bob M. by ada',
        sourceKey: 'pager-request:r1',
      }),
    ]);
    expect(h.posted.map((p) => [p.channel, p.message.text])).toEqual([
      [
        'C0INC12',
        'notice: 🔁 <@U0ADA> reassigned the page for incident #12 to <@U0BOB> (*Bob M.* in PagerDuty).',
      ],
    ]);
    expect(await madeHereRecently(h.deps, 12, 'reassigned')).toBe(true);
    expect(await madeHereRecently(h.deps, 12, 'escalated')).toBe(false);
    h.clock.advance(121_000);
    expect(await madeHereRecently(h.deps, 12, 'reassigned')).toBe(false);
  });

  it('a request worked again repeats the same change and tells nobody twice', async () => {
    const h = paged();
    await reassignPage(h.deps, 12, 'U0BOB', ADA, 'r1');
    // The target was decided: it is not looked up again, even when the retry names someone else.
    await reassignPage(h.deps, 12, 'U0ADA', ADA, 'r1');
    expect(h.pd.calls).toEqual([
      ['userByEmail', 'ada@acme.test'],
      ['userByEmail', 'bob@acme.test'],
      ['reassign', 'PD-INC-1', 'PBOB', 'ada@acme.test'],
      ['userByEmail', 'ada@acme.test'],
      ['reassign', 'PD-INC-1', 'PBOB', 'ada@acme.test'],
    ]);
    expect(h.records.pagerRequestsMade).toHaveLength(1);
    expect(h.records.timeline).toHaveLength(1);
    expect(h.posted).toHaveLength(1);
    // Nothing the card shows changed the second time, so it is not edited again.
    expect(h.refreshed).toHaveLength(2);
  });

  it('escalates to the level after PagerDuty’s own, from pagerduty.fromEmail when the actor is nobody there', async () => {
    // PagerDuty is at level 2 (someone escalated there), the page still says 1.
    const h = paged({
      incidentByKey: async () => ({ id: 'PD-INC-1', escalationLevel: 2, assignees: ['Grace'] }),
    });
    h.chatMembers.userEmail = async (id: string) => (id === 'U0ADA' ? 'ada@elsewhere.test' : undefined);
    h.deps.pagerFromEmail = 'bot@acme.test';
    const vendor = await escalatePage(h.deps, 12, ADA, 'e1');
    expect(vendor.escalationLevel).toBe(3);
    expect(h.pd.calls).toEqual([
      ['userByEmail', 'ada@elsewhere.test'],
      ['escalate', 'PD-INC-1', 3, 'bot@acme.test'],
    ]);
    expect(h.records.pagerRequestsMade[0]).toMatchObject({
      action: 'escalate',
      target: { vendorId: 'PD-INC-1', level: 3 },
    });
    expect(h.records.pageRows.get(7)).toMatchObject({ escalationLevel: 3, assignees: ['Heidi'] });
    expect(h.records.timeline.map((t) => t.text)).toEqual([
      'Escalated in PagerDuty to level 3 (Heidi) by ada',
    ]);
    expect(h.render.calls.map((c) => c.text)).toEqual([
      '⏫ <@U0ADA> escalated the page for incident #12 to level 3: *Heidi*.',
    ]);
    expect(await madeHereRecently(h.deps, 12, 'escalated')).toBe(true);
  });

  it('what PagerDuty refuses or does not know stores no change, and nothing is said', async () => {
    const h = paged({
      reassign: async () => {
        throw new Error('PagerDuty: 403 Forbidden');
      },
      incidentByKey: async () => undefined,
    });
    await expect(reassignPage(h.deps, 12, 'U0BOB', ADA, 'r1')).rejects.toThrow('403 Forbidden');
    // The target was decided (a retry makes the same change), but the page did not change.
    expect(h.records.pagerRequestsMade).toHaveLength(1);
    await expect(escalatePage(h.deps, 12, ADA, 'e1')).rejects.toThrow(
      'PagerDuty has no open incident for #12.',
    );
    await expect(reassignPage(h.deps, 12, 'U0NOBODY', ADA, 'r2')).rejects.toBeInstanceOf(UsageError);
    h.chatMembers.userEmail = async () => undefined;
    await expect(escalatePage(h.deps, 12, ADA, 'e2')).rejects.toThrow(/set pagerduty.fromEmail/);
    expect(h.records.pagerRequestsMade.map((r) => r.requestKey)).toEqual(['r1']);
    expect(h.records.pageRows.get(7)).toEqual(seedPage());
    expect(h.records.timeline).toEqual([]);
    expect(h.posted).toEqual([]);
  });

  it('resolved while PagerDuty made the change: it is still recorded; the request worked again is refused', async () => {
    const h = paged();
    const reassign = h.pd.actions.reassign;
    h.pd.actions.reassign = async (...args) => {
      h.records.rows.get(12)!.resolvedAt = new Date('2026-01-05T07:40:00Z');
      return reassign(...args);
    };
    await reassignPage(h.deps, 12, 'U0BOB', ADA, 'r1');
    expect(h.records.pageRows.get(7)).toMatchObject({ assignees: ['Bob M.'] });
    expect(h.records.timeline).toHaveLength(1);
    expect(h.posted).toHaveLength(1);
    await expect(reassignPage(h.deps, 12, 'U0BOB', ADA, 'r1')).rejects.toBeInstanceOf(ConflictError);
    expect(h.pd.calls.filter((c) => c[0] === 'reassign')).toHaveLength(1);
  });
});
