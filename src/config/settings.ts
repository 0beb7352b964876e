import { z } from 'zod';

/** The product's environment interface (README "Environment"); read once, in src/main.ts. */
const settingsSchema = z.object({
  BERS_CONFIG: z.string().default('./bers.config.yaml'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  BERS_DATA_DIR: z.string().default('./data'),
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  PAGERDUTY_ROUTING_KEY: z.string().optional(),
  PAGERDUTY_API_TOKEN: z.string().optional(),
  PAGERDUTY_EVENTS_URL: z.url().default('https://events.pagerduty.com'),
  PAGERDUTY_API_URL: z.url().default('https://api.pagerduty.com'),
  PAGERDUTY_WEBHOOK_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Settings = z.infer<typeof settingsSchema>;

export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string }
  | { kind: 'http'; botToken: string; signingSecret: string }
  | { kind: 'console' };

export function readSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  // Empty strings mean "unset" (a blank line in an .env file must not switch modes).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  return settingsSchema.parse(present);
}

/** DESIGN.md "Modes": Socket Mode wins when both transports are configured. */
export function slackModeOf(settings: Settings): SlackMode {
  const {
    SLACK_BOT_TOKEN: botToken,
    SLACK_APP_TOKEN: appToken,
    SLACK_SIGNING_SECRET: signingSecret,
  } = settings;
  if (botToken && appToken) return { kind: 'socket', botToken, appToken };
  if (botToken && signingSecret) return { kind: 'http', botToken, signingSecret };
  return { kind: 'console' };
}
