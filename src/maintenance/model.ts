/** A silence the bot created for an occurrence, to be expired once when it ends. */
export interface OccurrenceSilence {
  source: string;
  silenceId: string;
}

/** One occurrence of a window (a one-off window has exactly one). */
export interface Occurrence {
  id: number;
  windowId: number;
  /** Set for a configured (recurring) window. */
  configName?: string;
  title: string;
  services: string[];
  startsAt: Date;
  endsAt: Date;
  startedAt?: Date;
  endedAt?: Date;
  cancelledAt?: Date;
  createdBy: string;
  silences: OccurrenceSilence[];
}
