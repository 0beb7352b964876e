import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../../src/core/errors.js';
import { escalatePage, madeHereRecently, reassignPage } from '../../../src/incident/pager-actions-flow.js';
import { inMemoryIncidentDeps, openIncident } from './in-memory-incident-deps.js';

const ADA = { id: 'U0ADA', name: 'ada' };

/**
 * Only the refusals that come before the page: the page and the requests made in PagerDuty are
 * their own SQL (page-state.ts, pager-requests.ts), not yet behind a port, so past them the
 * in-memory store's "no SQL" fails the test. The paths through PagerDuty are in
 * test/integration/incident/reassign-users-http.test.ts.
 */
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
});
