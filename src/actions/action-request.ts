/** The operation a request runs: `restart`, `rollback`, `scale`, or a named operation from the config. */
export type ActionKind = string;

/**
 * requested → confirmed → running → succeeded | failed → verified | unverified;
 * requested → cancelled | expired; confirmed | running → interrupted (its process died mid-run).
 */
export type ActionState =
  | 'requested'
  | 'confirmed'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'verified'
  | 'unverified'
  | 'cancelled'
  | 'expired'
  | 'interrupted';

export const TRANSITIONS: Record<ActionState, readonly ActionState[]> = {
  requested: ['confirmed', 'cancelled', 'expired'],
  confirmed: ['running', 'interrupted'],
  running: ['succeeded', 'failed', 'interrupted'],
  succeeded: ['verified', 'unverified'],
  failed: [],
  verified: [],
  unverified: [],
  cancelled: [],
  expired: [],
  interrupted: [],
};

export interface ActionRequest {
  id: string;
  kind: ActionKind;
  service: string;
  environment: string;
  /** The executor's description, as shown in the confirmation ("kubernetes deployment/x -n y"). */
  executor: string;
  revision?: string;
  /** The operation's validated arguments (a rollback's revision is also in `revision`). */
  args: Record<string, string>;
  state: ActionState;
  requestedBy: { id: string; name: string };
  channelId: string;
  twoPerson: boolean;
  confirmedBy?: { id: string; name: string };
  requestedAt: Date;
  expiresAt: Date;
  confirmedAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  verifiedAt?: Date;
  summary?: string;
  outputTail?: string;
  verifySeconds?: number;
  correlationId: string;
  /** The incident it runs for: its steps are told in that incident's card thread and timeline. */
  incidentNumber?: number;
}
