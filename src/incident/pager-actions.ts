/** The paging tool's incident as its REST API describes it. */
export interface VendorIncident {
  id: string;
  number?: number;
  url?: string;
  escalationLevel?: number;
  escalationPolicy?: string;
  /** Who it is assigned to now (display names). */
  assignees: string[];
}

/**
 * Acting on a paged incident in the paging tool from Slack (PagerDuty's REST API). `from` is the
 * e-mail of the tool's user on whose behalf the change is made.
 */
export interface PagerActions {
  /** The open vendor incident our page made, found by our dedup key. */
  incidentByKey(dedupKey: string): Promise<VendorIncident | undefined>;
  userByEmail(email: string): Promise<{ id: string; name: string } | undefined>;
  reassign(vendorId: string, userId: string, from: string): Promise<VendorIncident>;
  escalate(vendorId: string, level: number, from: string): Promise<VendorIncident>;
}
