/**
 * A Slack payload kept and acked by the ingress thread: a slash command, a button click, a modal submission
 * that passed validation (the modal is closed by then) or an event.
 */
export type SlackDelivery =
  | { kind: 'command'; payload: Record<string, unknown> }
  | { kind: 'action'; body: Record<string, unknown> }
  | { kind: 'view'; body: Record<string, unknown> }
  | { kind: 'event'; type: string; event: Record<string, unknown> };

/**
 * A Slack request as the inbox keeps it: recorded (journal or table) before Slack was acked, so
 * whoever holds the store can still work it after a crash.
 */
export interface KeptRequest {
  /** Unique per request; an Events API retry carries its event's id and so keeps only once. */
  id: string;
  /** ISO time the ingress received it: a `response_url` answers for 30 minutes from then. */
  receivedAt: string;
  delivery: SlackDelivery;
}

/** Where the ingress thread keeps requests before it acks them. */
export type InboxTarget =
  /** Embedded store: an append-only journal in its data directory, replayed at the next start. */
  | { kind: 'journal'; dir: string }
  /** PostgreSQL: a row in `inbox`, leased to this replica until it is worked. */
  | { kind: 'postgres'; url: string; schema?: string; owner: string; leaseMs: number }
  /** An in-memory store (tests): nothing outlives the process anyway. */
  | { kind: 'none' };

/** The journal's files live here inside the embedded store's data directory. */
export const JOURNAL_SUBDIR = 'inbox-journal';

/** Segment names sort by creation: the newest is the one the ingress thread may still append to. */
export function segmentName(createdMs: number, seq: number): string {
  return `${String(createdMs).padStart(15, '0')}-${String(seq).padStart(6, '0')}.ndjson`;
}
