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

/** A page on its way: accepted by the pager, or not yet and being retried. */
export interface PageDelivery {
  dedupKey: string;
  incidentNumber?: number;
  attempts: number;
  /** Why it is not delivered yet (a retry), in the network's or the vendor's words. */
  reason?: string;
}

/**
 * What happens to pages on their way. Failures are reported at least once (durably); deliveries
 * and delays are best effort, for what the page card shows (PagerDuty's webhook also tells).
 */
export interface PageFailureSink {
  /** Called at least once per failed page (again after a crash before it returned). */
  pageFailed(failure: PageFailure): Promise<void>;
  /** A trigger the pager accepted. */
  pageDelivered?(delivery: PageDelivery): Promise<void>;
  /** A trigger that could not be delivered yet and will be retried. */
  pageDelayed?(delivery: PageDelivery): Promise<void>;
}

export type PagerEventKind = 'triggered' | 'acknowledged' | 'resolved' | 'escalated' | 'reassigned';

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
