import type { Chat } from '../core/chat.js';
import { fromSlackText } from '../core/command-text.js';
import type { InteractionRequest } from '../core/interaction.js';
import type { Reply } from '../core/message.js';
import type { SlackDelivery } from '../inbox/kept-request.js';
import { respondTo } from './response-url.js';
import { flattenViewState } from './to-slack.js';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A closed modal and an event have no `response_url`: answers go privately through the Chat port. */
const toUser = (chat: Chat, user: string) => (reply: Reply) => chat.postToUser(user, reply);

/**
 * A Slack payload (slash command, button click, modal submission, event) as the pipeline's request,
 * with where its answer goes. Slack's shapes are checked as they are read; a payload without the
 * parts a request needs gives `undefined`.
 */
export function interactionOf(delivery: SlackDelivery, chat: Chat): InteractionRequest | undefined {
  switch (delivery.kind) {
    case 'command':
      return commandOf(delivery.payload);
    case 'action':
      return actionOf(delivery.body, chat);
    case 'view':
      return viewOf(delivery.body, chat);
    case 'event':
      return eventOf(delivery.type, delivery.event, chat);
  }
}

function commandOf(payload: Json): InteractionRequest | undefined {
  const [userId, responseUrl] = [str(payload.user_id), str(payload.response_url)];
  if (!userId || !responseUrl) return undefined;
  const channelId = str(payload.channel_id) ?? 'unknown';
  return {
    kind: 'command',
    // The manifest sets should_escape: mentions come as `<@U…|name>`, `&<>` as entities.
    text: fromSlackText(str(payload.text) ?? ''),
    actor: { id: userId, name: str(payload.user_name) ?? userId },
    channel: { id: channelId, name: str(payload.channel_name) ?? channelId },
    mode: 'slack',
    triggerId: str(payload.trigger_id),
    respond: respondTo(responseUrl),
  };
}

function userOf(body: Json): { id: string; name: string } | undefined {
  const user = obj(body.user);
  const id = str(user?.id);
  return id ? { id, name: str(user?.username) ?? str(user?.name) ?? id } : undefined;
}

function actionOf(body: Json, chat: Chat): InteractionRequest | undefined {
  const actor = userOf(body);
  const action = Array.isArray(body.actions) ? obj(body.actions[0]) : undefined;
  const actionId = str(action?.action_id);
  if (!actor || !actionId) return undefined;
  const channel = obj(body.channel);
  const channelId = str(channel?.id);
  const ts = str(obj(body.message)?.ts);
  const responseUrl = str(body.response_url);
  return {
    kind: 'action',
    actionId,
    value: str(action?.value) ?? '',
    actor,
    channel: { id: channelId ?? 'unknown', name: str(channel?.name) ?? channelId ?? 'unknown' },
    message: channelId && ts ? { channel: channelId, ts } : undefined,
    mode: 'slack',
    triggerId: str(body.trigger_id),
    // A click inside a modal has no message to answer into.
    respond: responseUrl ? respondTo(responseUrl) : toUser(chat, actor.id),
  };
}

/** A modal submission (or the validation of one, before its ack). */
export function viewOf(body: Json, chat: Chat): (InteractionRequest & { kind: 'view' }) | undefined {
  const actor = userOf(body);
  const view = obj(body.view);
  const callbackId = str(view?.callback_id);
  if (!actor || !view || !callbackId) return undefined;
  const values = obj(obj(view.state)?.values) ?? {};
  return {
    kind: 'view',
    callbackId,
    values: flattenViewState(values as Parameters<typeof flattenViewState>[0]),
    privateMetadata: str(view.private_metadata) ?? '',
    actor,
    // A modal belongs to no channel; its answers go to the user's DM with the bot.
    channel: { id: actor.id, name: 'direct message' },
    mode: 'slack',
    triggerId: str(body.trigger_id),
    respond: toUser(chat, actor.id),
  };
}

function eventOf(type: string, event: Json, chat: Chat): InteractionRequest | undefined {
  const user = str(event.user);
  if (!user) return undefined;
  const channelId = str(event.channel) ?? str(obj(event.item)?.channel);
  return {
    kind: 'event',
    type,
    event,
    actor: { id: user, name: user },
    channel: { id: channelId ?? 'unknown', name: channelId ?? 'unknown' },
    mode: 'slack',
    // Someone who reacted did not ask for an answer; only refusals and failures reach them.
    respond: async (reply) => {
      if (channelId) await chat.postEphemeral(channelId, user, reply);
    },
  };
}
