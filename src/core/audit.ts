import type { Actor, ChannelRef } from './actor.js';

export interface AuditEntry {
  kind: string;
  actor: Actor;
  channel: ChannelRef;
  /** What was acted on: the subcommand path (`incident declare`) or an action name. */
  subject: string;
  text: string;
  outcome: string;
  durationMs?: number;
  correlationId: string;
  service?: string;
  details?: Record<string, unknown>;
}

export interface AuditRecord extends Omit<AuditEntry, 'actor' | 'channel'> {
  id: number;
  at: Date;
  actorId: string;
  actorName: string;
  channelId: string;
  channelName: string;
}

/** Where the pipeline writes its one audit row per interaction (store/audit-log.ts implements it). */
export interface AuditSink {
  record(entry: AuditEntry): Promise<void>;
}
