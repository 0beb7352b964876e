import type {
  IncidentPages,
  PagerRequests,
  PagerRequestTarget,
} from '../../../src/incident/incident-records.js';
import { PAGE_STATES, type PageRecord, type PageState, rankOf } from '../../../src/incident/page-model.js';
import type { Queryable } from '../../../src/store/store.js';

type Action = 'reassign' | 'escalate';

/** What the flows stored about pages: each incident's page, the reassign/escalate requests made. */
export interface InMemoryPageRecords {
  pages: IncidentPages;
  pagerRequests: PagerRequests;
  /** Each incident's page by incident id (a test seeds the page a flow acts on: `seedPage`). */
  pageRows: Map<number, PageRecord>;
  /** The requests in the order made; `at` is the time the flow gave (the store's created_at). */
  pagerRequestsMade: {
    requestKey: string;
    incidentId: number;
    action: Action;
    target: PagerRequestTarget;
    at: Date;
  }[];
}

/**
 * A copy with the store's field order (page-state.ts's `toRecord`): a flow compares a page before
 * and after a change as JSON, so a page seeded in another order must not read as changed.
 */
function stored(p: PageRecord): PageRecord {
  return structuredClone({
    incidentId: p.incidentId,
    state: p.state,
    note: p.note,
    delayedSince: p.delayedSince,
    vendor: { id: p.vendor.id, number: p.vendor.number, url: p.vendor.url },
    assignees: p.assignees,
    escalationPolicy: p.escalationPolicy,
    escalationLevel: p.escalationLevel,
    acknowledgedBy: p.acknowledgedBy,
    resolvedBy: p.resolvedBy,
    context: p.context,
    pagedAt: p.pagedAt,
  });
}

function known(op: string, states: readonly (PageState | undefined)[]) {
  for (const s of states) {
    if (s !== undefined && !PAGE_STATES.includes(s))
      throw new Error(`in-memory ${op}: unknown page state ${s}`);
  }
}

function knownAction(op: string, action: string): asserts action is Action {
  if (action !== 'reassign' && action !== 'escalate')
    throw new Error(`in-memory ${op}: unknown action ${action}`);
}

/**
 * The page state and the PagerDuty requests in memory, with the SQL's rules kept: a change moves
 * the page's state only forward, or with `from` applies only in those states; `vendor` and the
 * other fields fill in, `null` clears the note and the delay; a request's target is decided once
 * per request key (stored as JSON), and "made since" is strictly after. `wrote` is told of every
 * write (`pagedPage`, `applyPage`, `addPagerRequest`) with the connection it ran on.
 */
export function inMemoryPageRecords(wrote: (op: string, db: Queryable) => void): InMemoryPageRecords {
  const pageRows = new Map<number, PageRecord>();
  const made: InMemoryPageRecords['pagerRequestsMade'] = [];
  const pages: IncidentPages = {
    byIncident: async (_db, incidentId) => {
      const page = pageRows.get(incidentId);
      return page && stored(page);
    },
    // As the store's upsert: a new page, a fresh start of one that had ended, or only the new
    // context for a page still going.
    async paged(db, incidentId, state, context, at) {
      known('pages.paged', [state]);
      wrote('pagedPage', db);
      const current = pageRows.get(incidentId);
      const page: PageRecord = !current
        ? { incidentId, state, vendor: {}, assignees: [], context, pagedAt: at }
        : ['resolved', 'failed', 'unconfigured'].includes(current.state)
          ? { ...current, state, context, pagedAt: at, note: undefined }
          : { ...current, context };
      pageRows.set(incidentId, stored(page));
      return stored(page);
    },
    async apply(db, incidentId, change, _at, from) {
      known('pages.apply', [change.state, ...(from ?? [])]);
      const current = pageRows.get(incidentId);
      if (!current || (from && !from.includes(current.state))) return undefined;
      wrote('applyPage', db);
      const forward = change.state && (from || rankOf(change.state) >= rankOf(current.state));
      const after = stored({
        ...current,
        state: forward ? change.state! : current.state,
        note: change.note === undefined ? current.note : (change.note ?? undefined),
        delayedSince:
          change.delayedSince === undefined ? current.delayedSince : (change.delayedSince ?? undefined),
        vendor: {
          id: change.vendor?.id ?? current.vendor.id,
          number: change.vendor?.number ?? current.vendor.number,
          url: change.vendor?.url ?? current.vendor.url,
        },
        assignees: change.assignees ?? current.assignees,
        escalationPolicy: change.escalationPolicy ?? current.escalationPolicy,
        escalationLevel: change.escalationLevel ?? current.escalationLevel,
        acknowledgedBy: change.acknowledgedBy ?? current.acknowledgedBy,
        resolvedBy: change.resolvedBy ?? current.resolvedBy,
      });
      pageRows.set(incidentId, after);
      return { before: stored(current), after: stored(after) };
    },
  };
  const pagerRequests: PagerRequests = {
    async targetOf(db, at, requestKey, incidentId, action, decide) {
      knownAction('pagerRequests.targetOf', action);
      const earlier = made.find((r) => r.requestKey === requestKey);
      if (earlier) return structuredClone(earlier.target);
      const target = await decide();
      wrote('addPagerRequest', db);
      // As the store's ON CONFLICT: one stored while deciding (the same request at once) wins.
      const first = made.find((r) => r.requestKey === requestKey);
      if (first) return structuredClone(first.target);
      const request = { requestKey, incidentId, action, target: JSON.parse(JSON.stringify(target)), at };
      made.push(request);
      return structuredClone(request.target);
    },
    async madeSince(_db, incidentId, action, since) {
      knownAction('pagerRequests.madeSince', action);
      return made.some((r) => r.incidentId === incidentId && r.action === action && r.at > since);
    },
  };
  return { pages, pagerRequests, pageRows, pagerRequestsMade: made };
}

/** A page as the paging step leaves it once PagerDuty took it, for incident 7 (`openIncident`). */
export function seedPage(over: Partial<PageRecord> = {}): PageRecord {
  return {
    incidentId: 7,
    state: 'triggered',
    vendor: { id: 'PD-INC-1', number: 101, url: 'https://acme.pagerduty.com/incidents/PD-INC-1' },
    assignees: ['Grace'],
    escalationPolicy: 'Checkout',
    escalationLevel: 1,
    context: { services: [], failing: [] },
    pagedAt: new Date('2026-01-05T07:01:00Z'),
    ...over,
  };
}
