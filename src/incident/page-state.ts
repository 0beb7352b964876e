import type { Queryable } from '../store/store.js';
import { type PageChange, type PageContext, type PageRecord, type PageState, rankOf } from './page-model.js';

interface Row {
  incident_id: string | number;
  state: PageState;
  note: string | null;
  delayed_since: Date | null;
  vendor_id: string | null;
  vendor_number: number | null;
  vendor_url: string | null;
  assignees: string[];
  escalation_policy: string | null;
  escalation_level: number | null;
  acknowledged_by: string | null;
  resolved_by: string | null;
  context: PageContext;
  paged_at: Date;
}

const opt = <T>(v: T | null) => v ?? undefined;

function toRecord(r: Row): PageRecord {
  return {
    incidentId: Number(r.incident_id),
    state: r.state,
    note: opt(r.note),
    delayedSince: opt(r.delayed_since),
    vendor: { id: opt(r.vendor_id), number: opt(r.vendor_number), url: opt(r.vendor_url) },
    assignees: r.assignees,
    escalationPolicy: opt(r.escalation_policy),
    escalationLevel: opt(r.escalation_level),
    acknowledgedBy: opt(r.acknowledged_by),
    resolvedBy: opt(r.resolved_by),
    context: r.context,
    pagedAt: r.paged_at,
  };
}

/**
 * The page state in SQL: the flows' `records.pages` (IncidentPages, incident-records.ts) in the
 * bot. The steps (steps/) use it directly, and only the paging step records a page going out.
 */
export const pageRepository = {
  async byIncident(db: Queryable, incidentId: number): Promise<PageRecord | undefined> {
    const rows = await db.query<Row>('SELECT * FROM incident_pages WHERE incident_id = $1', [incidentId]);
    return rows[0] && toRecord(rows[0]);
  },

  /**
   * A page was handed to the pager. A page after one that ended (resolved, failed, never sent)
   * opens a new vendor incident, so it starts afresh; a page while one is open joins it (the vendor
   * deduplicates by our key), so its state stays.
   */
  async paged(
    db: Queryable,
    incidentId: number,
    state: 'queued' | 'unconfigured',
    context: PageContext,
    at: Date,
  ): Promise<PageRecord> {
    const rows = await db.query<Row>(
      `INSERT INTO incident_pages (incident_id, state, context, paged_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (incident_id) DO UPDATE SET context = EXCLUDED.context, updated_at = EXCLUDED.updated_at,
         state = CASE WHEN incident_pages.state IN ('resolved', 'failed', 'unconfigured') THEN EXCLUDED.state
                      ELSE incident_pages.state END,
         paged_at = CASE WHEN incident_pages.state IN ('resolved', 'failed', 'unconfigured')
                         THEN EXCLUDED.paged_at ELSE incident_pages.paged_at END,
         note = CASE WHEN incident_pages.state IN ('resolved', 'failed', 'unconfigured') THEN NULL
                     ELSE incident_pages.note END
       RETURNING *`,
      [incidentId, state, JSON.stringify(context), at],
    );
    return toRecord(rows[0]!);
  },

  /**
   * Applies a change; its state only if that moves the page on (a late report never moves it
   * back), or with `from`, only when the page is in one of those states (else nothing is applied).
   * Returns the page before and after, or undefined when nothing was applied.
   */
  async apply(
    db: Queryable,
    incidentId: number,
    change: PageChange,
    at: Date,
    from?: readonly PageState[],
  ): Promise<{ before: PageRecord; after: PageRecord } | undefined> {
    const current = await this.byIncident(db, incidentId);
    if (!current) return undefined;
    if (from && !from.includes(current.state)) return undefined;
    const forward = change.state && (from || rankOf(change.state) >= rankOf(current.state));
    const state = forward ? change.state! : current.state;
    const rows = await db.query<Row>(
      `UPDATE incident_pages SET state = $2, note = $3, delayed_since = $4, vendor_id = $5, vendor_number = $6,
         vendor_url = $7, assignees = $8, escalation_policy = $9, escalation_level = $10, acknowledged_by = $11,
         resolved_by = $12, updated_at = $13
       WHERE incident_id = $1 AND state = $14 RETURNING *`,
      [
        incidentId,
        state,
        change.note === undefined ? (current.note ?? null) : change.note,
        change.delayedSince === undefined ? (current.delayedSince ?? null) : change.delayedSince,
        change.vendor?.id ?? current.vendor.id ?? null,
        change.vendor?.number ?? current.vendor.number ?? null,
        change.vendor?.url ?? current.vendor.url ?? null,
        JSON.stringify(change.assignees ?? current.assignees),
        change.escalationPolicy ?? current.escalationPolicy ?? null,
        change.escalationLevel ?? current.escalationLevel ?? null,
        change.acknowledgedBy ?? current.acknowledgedBy ?? null,
        change.resolvedBy ?? current.resolvedBy ?? null,
        at,
        current.state,
      ],
    );
    return rows[0] && { before: current, after: toRecord(rows[0]) };
  },
};
