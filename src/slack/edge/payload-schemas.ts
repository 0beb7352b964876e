import { z } from 'zod';

/**
 * The shapes of what Slack sends, as far as Bolt and the bot read them. Bolt assumes them without
 * checking (a `null` where it expects an object throws inside its receiver), so every field it or
 * a listener dereferences is typed here. Objects are loose: Slack adds fields, and they pass on.
 */

const id = z.string().min(1);
/** The main thread posts replies there: a web URL, never another scheme. */
const responseUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const user = z.looseObject({
  id,
  name: z.string().optional(),
  username: z.string().optional(),
  team_id: z.string().optional(),
});
/** `null` for org-wide installs; Bolt then reads `user.team_id`. */
const team = z.looseObject({ id: z.string() }).nullable().optional();
const channel = z.looseObject({ id, name: z.string().optional() });

/** One input's state in a submitted modal; Slack sends `value: null` for an empty input. */
const inputState = z.looseObject({
  type: z.string(),
  value: z.string().nullable().optional(),
  selected_option: z.looseObject({ value: z.string() }).nullable().optional(),
  selected_options: z.array(z.looseObject({ value: z.string() })).optional(),
  selected_user: z.string().nullable().optional(),
  selected_users: z.array(z.string()).optional(),
  selected_conversation: z.string().nullable().optional(),
  selected_channel: z.string().nullable().optional(),
  selected_date: z.string().nullable().optional(),
});

const view = z.looseObject({
  id,
  callback_id: z.string(),
  private_metadata: z.string().default(''),
  state: z
    .looseObject({ values: z.record(z.string(), z.record(z.string(), inputState)) })
    .prefault({ values: {} }),
  app_installed_team_id: z.string().optional(),
});

const action = z.looseObject({
  action_id: id,
  type: z.string(),
  block_id: z.string().optional(),
  value: z.string().optional(),
});

/** The `payload=` JSON of an interactivity request (a click, a modal, a shortcut). */
export const interactivitySchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('block_actions'),
    user,
    team,
    channel: channel.optional(),
    actions: z.array(action).min(1, 'a block_actions payload names at least one action'),
    response_url: responseUrl.optional(),
    trigger_id: z.string().optional(),
    message: z.looseObject({ ts: z.string() }).optional(),
    view: z.looseObject({ id }).optional(),
  }),
  z.looseObject({
    type: z.literal('view_submission'),
    user,
    team,
    view,
    trigger_id: z.string().optional(),
    response_urls: z.array(z.looseObject({ response_url: responseUrl })).optional(),
  }),
  z.looseObject({ type: z.literal('view_closed'), user, team, view }),
  z.looseObject({ type: z.literal('shortcut'), user, team, callback_id: z.string(), trigger_id: id }),
  z.looseObject({
    type: z.literal('message_action'),
    user,
    team,
    channel,
    callback_id: z.string(),
    trigger_id: id,
    message: z.looseObject({}),
    response_url: responseUrl.optional(),
  }),
  z.looseObject({ type: z.literal('block_suggestion'), user, team, action_id: id, value: z.string() }),
]);

/** A slash command's form fields (the same fields arrive as JSON over Socket Mode). */
export const slashCommandSchema = z.looseObject({
  command: z.string().regex(/^\/[^\s/]+$/, 'must be a slash command such as /bers'),
  text: z.string(),
  user_id: id,
  user_name: z.string().optional(),
  channel_id: id,
  channel_name: z.string().optional(),
  team_id: z.string(),
  response_url: responseUrl,
  trigger_id: id,
  is_enterprise_install: z.string().optional(),
});

/** An Events API callback's inner event: Bolt reads its channel and item with `in`. */
const event = z.looseObject({
  type: id,
  channel: z.union([z.string(), z.looseObject({})]).optional(),
  item: z.looseObject({}).optional(),
});

/** A JSON body on the Events API endpoint (or the payload of a Socket Mode `events_api` envelope). */
export const eventsBodySchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string().min(1).max(500) }),
  z.looseObject({
    type: z.literal('event_callback'),
    team_id: z.string().optional(),
    event_id: id,
    event_time: z.number(),
    event,
    authorizations: z
      .array(
        z.looseObject({
          team_id: z.string().nullable().optional(),
          is_enterprise_install: z.boolean().optional(),
        }),
      )
      .optional(),
  }),
  z.looseObject({
    type: z.literal('app_rate_limited'),
    team_id: z.string(),
    minute_rate_limited: z.number(),
  }),
]);
