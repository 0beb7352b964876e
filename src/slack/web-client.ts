import { WebClient } from '@slack/web-api';

/**
 * The Slack Web API client for the bot's token. app.ts imports this module on demand, so the
 * console never loads the client. The package is imported statically here, not with `import()`:
 * in the bundle a dynamic import of a CommonJS package yields only its default export.
 */
export function createWebClient(botToken: string, slackApiUrl: string): WebClient {
  return new WebClient(botToken, { slackApiUrl });
}
