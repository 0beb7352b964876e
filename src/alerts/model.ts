import type { Actor } from '../core/actor.js';

export type Severity = 'critical' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

/** An alert as a source reports it, before the bot gives it a short id. */
export interface SourceAlert {
  /** The source's own identity for it: Alertmanager fingerprint, BERS alert id. */
  key: string;
  severity: Severity;
  name: string;
  service?: string;
  summary: string;
  startsAt: Date;
  /** active, acknowledged (BERS) or silenced (Alertmanager). */
  state: 'active' | 'acknowledged' | 'silenced';
  labels: Record<string, string>;
}

/** A listed alert: a source alert with its source and the short id users type. */
export interface Alert extends SourceAlert {
  id: string;
  source: string;
}

export interface AckResult {
  /** What happened, in words for the user. */
  text: string;
  /** Set when the ack is a silence (Alertmanager), so it can be expired later. */
  silenceId?: string;
  endsAt?: Date;
}

/**
 * Where alerts come from (Alertmanager, the BERS monitoring API). Each call gets an abort signal
 * that fires at the source's timeout.
 */
export interface AlertSource {
  readonly name: string;
  readonly kind: string;
  list(signal: AbortSignal): Promise<SourceAlert[]>;
  ack(alert: SourceAlert, actor: Actor, reason: string | undefined, signal: AbortSignal): Promise<AckResult>;
  /** Absent when the source cannot resolve (Alertmanager alerts clear when their rule stops firing). */
  resolve?(
    alert: SourceAlert,
    actor: Actor,
    resolution: string | undefined,
    signal: AbortSignal,
  ): Promise<void>;
  /** Silences alerts matching these labels (Alertmanager); used by ack and the webhook buttons. */
  silence?(request: SilenceRequest, signal: AbortSignal): Promise<AckResult>;
  /** Ends a silence early; only sources that silence have it. */
  expireSilence?(silenceId: string, signal: AbortSignal): Promise<void>;
}

export interface SilenceRequest {
  labels: Record<string, string>;
  minutes: number;
  createdBy: string;
  comment: string;
}

/** A source that could not answer in time, or failed: named in the reply while the others show. */
export interface SourceFailure {
  source: string;
  reason: string;
}

/** Maps the many severity words sources use onto the three levels of seed 000. */
export function severityOf(raw: string | undefined): Severity {
  const value = (raw ?? '').toLowerCase();
  if (['critical', 'crit', 'page', 'p0', 'p1', 'error', 'high', 'emergency', 'fatal'].includes(value))
    return 'critical';
  if (['warning', 'warn', 'p2', 'medium', 'degraded'].includes(value)) return 'warning';
  return 'info';
}
