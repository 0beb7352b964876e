/** A message as the chat platform has it (for 📌 pins). */
export interface SourceMessage {
  /** Plain text, as a person reads it (the platform's markup already decoded). */
  text: string;
  userId?: string;
  /** When it was posted: its original time goes into the timeline. */
  at: Date;
}

/** Reads one posted message back from the chat platform (Slack: conversations.history). */
export interface MessageSource {
  fetch(channel: string, ts: string): Promise<SourceMessage | undefined>;
}
