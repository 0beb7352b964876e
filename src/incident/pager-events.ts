/**
 * What the pager reports back to the incident domain: a page that can never be delivered (so the
 * incident channel can say so), and what responders did in the paging tool (webhooks).
 */
export interface PageFailure {
  /** Identifies this failure, so a repeated report is recognised. */
  id: string;
  dedupKey: string;
  incidentNumber?: number;
  action: 'trigger' | 'acknowledge' | 'resolve';
  /** Human-readable, e.g. the vendor's validation errors or a missing routing key. */
  reason: string;
}

export interface PageFailureSink {
  /** Called at least once per failed page (again after a crash before it returned). */
  pageFailed(failure: PageFailure): Promise<void>;
}

export type PagerEventKind = 'acknowledged' | 'resolved' | 'escalated' | 'reassigned';

export interface PagerEvent {
  kind: PagerEventKind;
  /** The webhook delivery it came from; the same event is handed over once. */
  deliveryId: string;
  /** Our dedup key when the vendor incident was opened by our page (its incident_key). */
  dedupKey?: string;
  /** The vendor's incident: id, number, title and link. */
  vendorIncident: { id: string; number?: number; title?: string; url?: string };
  /** Who did it (a display name), when a person did. */
  by?: string;
  /** Who the incident is assigned to now (display names). */
  assignees: string[];
  escalationPolicy?: string;
  occurredAt: Date;
}

export interface PagerEventSink {
  /** Throwing makes the event be handed over again later. */
  pagerEvent(event: PagerEvent): Promise<void>;
}
