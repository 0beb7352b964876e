import type { SlackMode } from '../config/settings.js';
import type { HttpRequest, HttpResponse } from '../http/routes.js';
import type { InboxTarget, KeptRequest } from '../inbox/kept-request.js';
import type { ViewAck } from '../slack/view-ack.js';

/**
 * The messages between the ingress thread (sockets, Slack signatures, acks) and the main thread
 * (store, services, commands). Everything here is plain data: it crosses threads by structured clone.
 */
export interface IngressOptions {
  port: number;
  host: string;
  /** Slack's transport; none in console mode, where the ingress serves only the bot's routes. */
  slack?: Exclude<SlackMode, { kind: 'console' }>;
  slackApiUrl: string;
  /** Who the bot is, from the main thread's `auth.test`, so Bolt need not ask Slack again. */
  botIdentity?: { botId?: string; botUserId?: string };
  /** Slack Events API types the main thread listens to (e.g. `reaction_added`). */
  eventTypes: string[];
  logLevel: string;
  /** Where Slack requests are kept before they are acked. */
  inbox: InboxTarget;
}

export type FromIngress =
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'stopped' }
  | { type: 'log'; line: string }
  | { type: 'http'; id: number; request: HttpRequest }
  | { type: 'slack'; request: KeptRequest }
  | { type: 'view'; id: number; body: Record<string, unknown> };

/**
 * The workerData of a thread started before its options are known (Ingress.prepare): it loads its
 * modules (Bolt is most of its start-up) while the main thread opens the store, then waits for
 * one `Begin` message and runs as a thread started with those options would.
 */
export const PREPARED = 'prepared';

export interface Begin {
  type: 'begin';
  options: IngressOptions;
}

/** A `view` request below asks the main thread only to validate; the work follows as a delivery. */
export type ToIngress =
  | { type: 'http'; id: number; response: Omit<HttpResponse, 'afterResponse'> }
  | { type: 'view'; id: number; ack: ViewAck; error?: string }
  | { type: 'stop' };
