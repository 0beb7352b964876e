/**
 * The paging port incident flows call per severity policy. The PagerDuty integration implements it
 * with a durable outbox; the default implementation only records the decision in the timeline.
 */
export interface PageRequest {
  /** The incident's number as people see it (`#42`). */
  incidentNumber: number;
  /** Stable per incident: every trigger/acknowledge/resolve of one incident uses the same key. */
  dedupKey: string;
  severity: string;
  title: string;
  /** What the page says; the implementation truncates to its vendor's limits. */
  summary: string;
  services: string[];
  commander?: string;
  /** Link to the incident channel. */
  channelLink?: string;
  /** The commander as PagerDuty's people read it (a name; they cannot resolve Slack ids). */
  commanderName?: string;
  /** The affected services' failing checks at the time of the page. */
  failingChecks?: string[];
  /** What started the incident (an alert), if anything. */
  origin?: string;
}

/**
 * `requestKey` names what asked (an incident step's key): the same key records the event once, so a
 * step re-run after a crash, or by a second replica, never pages twice.
 */

export interface Pager {
  /** False for the stand-in that pages nobody: the page card then says so. */
  readonly configured: boolean;
  /** Records the page for delivery; resolves once it is durable, not when it is delivered. */
  trigger(request: PageRequest, requestKey?: string): Promise<void>;
  acknowledge(dedupKey: string, by: string, requestKey?: string): Promise<void>;
  resolve(dedupKey: string, requestKey?: string): Promise<void>;
}
