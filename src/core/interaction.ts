import type { Actor, ChannelRef } from './actor.js';
import type { Mode, ViewSubmission } from './command.js';
import type { Reply } from './message.js';

/** Where an interaction came from and how its answer gets back to the person. */
interface Origin {
  /** Who did it; their user groups are looked up by the pipeline, not by the transport. */
  actor: Actor;
  channel: ChannelRef;
  mode: Mode;
  triggerId?: string;
  /**
   * Sends a reply to the person: a slash command's or button's `response_url`, the console's
   * screen, or (a closed modal has neither) a private message through the Chat port.
   */
  respond(reply: Reply): Promise<void>;
}

/**
 * Everything that comes in, from Slack (either transport) or the console, as the pipeline sees it:
 * one shape per kind, the transport's details already taken off.
 */
export type InteractionRequest = Origin &
  (
    | { kind: 'command'; text: string }
    | { kind: 'action'; actionId: string; value: string; message?: { channel: string; ts: string } }
    | ({ kind: 'view'; callbackId: string } & ViewSubmission)
    | { kind: 'event'; type: string; event: Record<string, unknown> }
  );

export type InteractionKind = InteractionRequest['kind'];
