/** Who did something: a Slack user, or the operator at the console. */
export interface Actor {
  id: string;
  name: string;
  /** Slack user-group ids the actor belongs to, when known (used by permissions). */
  groups?: string[];
}

/** Where something happened: a Slack channel, or the console pseudo-channel. */
export interface ChannelRef {
  id: string;
  name: string;
}

export const CONSOLE_CHANNEL: ChannelRef = { id: 'console', name: 'console' };
