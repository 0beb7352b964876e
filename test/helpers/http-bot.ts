import { randomBytes } from 'node:crypto';
import { type Bot, createBot } from '../../src/app.js';
import type { BotConfig } from '../../src/config/schema.js';
import { readSettings } from '../../src/config/settings.js';
import type { Clock } from '../../src/core/clock.js';
import type { AnyCommand } from '../../src/core/command.js';
import type { Services } from '../../src/core/services.js';
import type { InboxTarget } from '../../src/inbox/kept-request.js';
import { secretsIn } from '../../src/observability/logger.js';
import type { Store } from '../../src/store/store.js';
import { FakeSlack } from './fake-slack.js';
import { captureLogs } from './logs.js';
import { postSigned } from './slack-signing.js';
import { storeBackends } from './stores.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface HttpBotHarness {
  bot: Bot;
  slack: FakeSlack;
  store: Store;
  logs: ReturnType<typeof captureLogs>;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Sends a signed `/bers <text>` and returns once acked, without waiting for the reply. */
  send(
    text: string,
    user?: { id: string; name: string },
    channel?: { id: string; name: string },
  ): Promise<{ status: number; responseId: string }>;
  /** Sends a signed `/bers <text>` and waits for the first response_url post. */
  command(
    text: string,
    user?: { id: string; name: string },
    channel?: { id: string; name: string },
  ): Promise<CommandResult>;
  /** Sends a signed block_actions payload for a button. */
  click(actionId: string, value: string, options?: ClickOptions): Promise<ClickResult>;
  /** Sends a signed view_submission (a modal's Submit); the response body carries field errors, if any. */
  submitView(
    callbackId: string,
    values: Record<string, Record<string, unknown>>,
    privateMetadata?: string,
    user?: { id: string; name: string },
  ): Promise<Response>;
  /** Sends a signed Events API callback. */
  event(event: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

export interface CommandResult {
  status: number;
  responseId: string;
  /** The first response_url post (the reply). */
  reply: Record<string, unknown>;
}

export interface ClickOptions {
  user?: { id: string; name: string };
  channel?: { id: string; name: string };
  messageTs?: string;
}

export interface ClickResult {
  status: number;
  responseId: string;
}

export interface HttpBotOptions {
  config: BotConfig;
  store?: Store;
  clock?: Clock;
  env?: Record<string, string>;
  slack?: FakeSlack;
  /** Trusted CA (PEM) for a fake PagerDuty's HTTPS. */
  pagerDutyCa?: string;
  /** Where Slack requests are kept before their ack (default: nothing, the store is in memory). */
  inbox?: InboxTarget;
  /** Run the report schedules (off by default so other suites see no scheduled posts). */
  scheduleReports?: boolean;
  /** Extra or replacement `/bers` subcommands, built from the services (default: commands/index.ts). */
  commands?: (services: Services) => AnyCommand[];
  /**
   * Send command text as Slack does with the manifest's `should_escape: true`: typed text is
   * escaped and `@name` / `#name` / URLs Slack knows (`slack.directory`) become tokens.
   */
  shouldEscape?: boolean;
}

/** The form body Slack posts for a slash command. */
export function slashCommandBody(
  text: string,
  responseUrl: string,
  user = { id: 'U0ADA', name: 'ada' },
  channel = { id: 'C0OPS', name: 'ops' },
): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: user.id,
    user_name: user.name,
    command: '/bers',
    text,
    response_url: responseUrl,
    trigger_id: `trigger-${responseUrl.slice(-8)}`,
    api_app_id: 'A0BERS',
  }).toString();
}

/** The whole bot in HTTP mode, on port 0, against a fake Slack; as a user's Slack would talk to it. */
export async function startHttpBot(options: HttpBotOptions): Promise<HttpBotHarness> {
  const slack = options.slack ?? (await FakeSlack.start());
  const store = options.store ?? (await storeBackends()[0]!.open());
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    // The bot's main thread is the test runner's: leave its priority as it is.
    BERS_WORK_NICE: '0',
    ...options.env,
  };
  const logs = captureLogs('debug', secretsIn(env));
  const settings = readSettings(env);
  const bot = await createBot({
    settings,
    config: options.config,
    log: logs.log,
    store,
    clock: options.clock,
    timerPollMs: 60_000,
    commands: options.commands,
    scheduleReports: options.scheduleReports ?? false,
    pagerDutyCa: options.pagerDutyCa,
    inbox: options.inbox,
  });
  await bot.start();
  const url = `http://127.0.0.1:${bot.port()}`;
  const events = `${url}/slack/events`;
  const defaultUser = { id: 'U0ADA', name: 'ada' };
  const defaultChannel = { id: 'C0OPS', name: 'ops' };
  const send: HttpBotHarness['send'] = async (text, user = defaultUser, channel = defaultChannel) => {
    const responseId = randomBytes(4).toString('hex');
    const wire = options.shouldEscape ? slack.commandText(text) : text;
    const body = slashCommandBody(wire, slack.responseUrl(responseId), user, channel);
    const response = await postSigned(events, SIGNING_SECRET, body, 'application/x-www-form-urlencoded');
    await response.arrayBuffer();
    return { status: response.status, responseId };
  };

  return {
    bot,
    slack,
    store,
    logs,
    url,
    send,
    async command(text, user = defaultUser, channel = defaultChannel) {
      const { status, responseId } = await send(text, user, channel);
      const reply = await slack.waitFor(() => slack.responsesTo(responseId)[0], 15_000, `reply to "${text}"`);
      return { status, responseId, reply };
    },
    async click(actionId, value, clickOptions = {}) {
      const responseId = randomBytes(4).toString('hex');
      const user = clickOptions.user ?? defaultUser;
      const channel = clickOptions.channel ?? defaultChannel;
      const payload = {
        type: 'block_actions',
        user: { id: user.id, username: user.name, name: user.name, team_id: 'T0FAKE' },
        api_app_id: 'A0BERS',
        team: { id: 'T0FAKE', domain: 'fake' },
        channel,
        container: {
          type: 'message',
          message_ts: clickOptions.messageTs ?? '1700000000.000001',
          channel_id: channel.id,
        },
        message: { ts: clickOptions.messageTs ?? '1700000000.000001', text: '' },
        trigger_id: `trigger-${responseId}`,
        response_url: slack.responseUrl(responseId),
        actions: [
          { type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1700000001.000000' },
        ],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const response = await postSigned(events, SIGNING_SECRET, body, 'application/x-www-form-urlencoded');
      return { status: response.status, responseId };
    },
    submitView(callbackId, values, privateMetadata = '', user = defaultUser) {
      const payload = {
        type: 'view_submission',
        team: { id: 'T0FAKE', domain: 'fake' },
        user: { id: user.id, username: user.name, name: user.name, team_id: 'T0FAKE' },
        api_app_id: 'A0BERS',
        trigger_id: `trigger-${randomBytes(4).toString('hex')}`,
        view: {
          id: `V${randomBytes(4).toString('hex')}`,
          type: 'modal',
          callback_id: callbackId,
          private_metadata: privateMetadata,
          state: { values },
          hash: 'h',
        },
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return postSigned(events, SIGNING_SECRET, body, 'application/x-www-form-urlencoded');
    },
    event(event) {
      const body = JSON.stringify({
        token: 'legacy',
        team_id: 'T0FAKE',
        api_app_id: 'A0BERS',
        type: 'event_callback',
        event_id: `Ev${randomBytes(4).toString('hex')}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      return postSigned(events, SIGNING_SECRET, body, 'application/json');
    },
    async close() {
      await bot.stop();
      if (!options.slack) await slack.close();
      if (!options.store) await store.close();
    },
  };
}
