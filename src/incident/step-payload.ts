/** What still has to happen outside the store for an incident, in order. */
export type StepPayload =
  | { kind: 'channel' }
  /** `groups`: user groups whose members are invited too (looked up when the step runs). */
  | { kind: 'invite'; users: string[]; groups?: string[] }
  | {
      kind: 'post';
      target: 'channel' | 'announcement';
      /** Remembered under this role (the card, the initial report), so it can be edited later. */
      role?: string;
      render?: 'initial';
      message?: unknown;
      /** An announcement reply that is also shown in the channel (the resolution). */
      broadcast?: boolean;
      /** An extra announcement channel (by severity) that gets a card of its own. */
      channel?: string;
      /** What Slack refuses here (e.g. `not_in_channel`) is a warning, not a failed step. */
      optional?: boolean;
    }
  | { kind: 'page'; reason: string }
  /** The page's card in the incident channel, edited as the pager reports. */
  | { kind: 'page-card'; reason: string }
  | { kind: 'pager-acknowledge'; by: string }
  | { kind: 'pager-resolve' }
  | { kind: 'refresh' }
  /** The incident channel's topic and bookmarks (after everything else of a declare). */
  | { kind: 'channel-care' }
  /** The post-mortem draft as a Markdown file in the incident channel, once. */
  | { kind: 'post-mortem-file' };
